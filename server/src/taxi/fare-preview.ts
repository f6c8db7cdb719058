import { z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { residents } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { computeFare, type BookingChannel } from './compute-fare';
import { getTaxiSettings } from './taxi-settings';

export const FarePreviewQuery = z.object({
  riderIds: z
    .string()
    .regex(/^[1-9]\d{0,8}(,[1-9]\d{0,8}){0,2}$/, 'riderIds: 1 to 3 ids, comma-separated')
    .openapi({ param: { name: 'riderIds', in: 'query' }, example: '1,2' }),
});

export const FarePreviewSchema = z
  .object({
    totalYen: z.number().int(),
    riders: z.array(z.object({ id: z.number().int(), name: z.string(), fareYen: z.number().int() })),
    /** 「料金は2人で500円です。付き添いの方は無料です。」 */
    text: z.string(),
  })
  .openapi('TaxiFarePreview');
export type FarePreview = z.infer<typeof FarePreviewSchema>;

/**
 * What a ride of these riders will cost, by the same rule a booking fixes (`computeFare`), so the
 * TV shows the fare before booking without knowing the rules. Only the household's own residents.
 */
export async function previewFare(
  db: DbOrTx,
  householdId: number,
  riderIds: number[],
  channel: BookingChannel,
): Promise<FarePreview> {
  const ids = [...new Set(riderIds)];
  const rs = await db.select().from(residents).where(inArray(residents.id, ids)).all();
  if (rs.length !== ids.length || rs.some((r) => r.householdId !== householdId)) throw notFound('Resident');
  const fares = (await getTaxiSettings(db)).fares;
  const riders = ids.map((id) => {
    const r = rs.find((x) => x.id === id)!;
    return { id, name: r.name, fareYen: computeFare(fares, r, channel) };
  });
  const totalYen = riders.reduce((a, r) => a + r.fareYen, 0);
  const who = riders.length === 1 ? '' : `${riders.length}人で`;
  return {
    totalYen,
    riders,
    text: `料金は${who}${totalYen.toLocaleString('ja-JP')}円です。付き添いの方は無料です。`,
  };
}

export const parseRiderIds = (q: string): number[] => q.split(',').map(Number);
