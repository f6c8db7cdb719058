import { z } from '@hono/zod-openapi';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, places, residents, taxiFavourites } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';
import { checkEligibility, NOT_ELIGIBLE_MESSAGE } from './check-eligibility';
import { computeFare } from './compute-fare';
import { bookableTimes, hoursForArea, isServiceDay } from './service-day';
import { getTaxiSettings } from './taxi-settings';

/** Kinds offered as common destinations on the TV (the list). */
const COMMON_KINDS = ['hospital', 'clinic', 'supermarket', 'city_hall', 'station'] as const;

export const BookingOptionsSchema = z
  .object({
    date: z.string(),
    open: z.boolean(),
    /** Japanese, when no booking can be made today. */
    closedMessage: z.string().nullable(),
    hours: z.object({ start: z.string(), end: z.string() }),
    minNoticeMinutes: z.number().int(),
    residents: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        eligible: z.boolean(),
        fareYen: z.number().int(),
        message: z.string().nullable(),
      }),
    ),
    destinations: z.array(
      z.object({ placeId: z.number().int(), name: z.string(), kind: z.string(), favourite: z.boolean() }),
    ),
    times: z.array(z.string()),
    maxPassengers: z.number().int(),
  })
  .openapi('TaxiBookingOptions');
export type BookingOptions = z.infer<typeof BookingOptionsSchema>;

/**
 * What the TV may offer this household now: who may ride (no birth dates leave the server), the
 * favourites then the common places, and today's bookable 15-minute times.
 */
export function getBookingOptions(db: DbOrTx, householdId: number, now: Date): BookingOptions {
  const h = db
    .select({ areaId: hamlets.areaId })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, householdId))
    .get();
  if (!h) throw notFound('Household');
  const s = getTaxiSettings(db);
  const date = tokyoDate(now);
  const hours = hoursForArea(s, h.areaId);
  const rs = db
    .select()
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .orderBy(residents.id)
    .all();
  const favs =
    rs.length === 0
      ? []
      : db
          .select({ placeId: taxiFavourites.placeId })
          .from(taxiFavourites)
          .where(
            inArray(
              taxiFavourites.residentId,
              rs.map((r) => r.id),
            ),
          )
          .orderBy(asc(taxiFavourites.sort))
          .all();
  const favIds = [...new Set(favs.map((f) => f.placeId))];
  const all = db.select().from(places).orderBy(places.id).all();
  const byId = new Map(all.map((p) => [p.id, p]));
  const destinations = [
    ...favIds.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ placeId: p.id, name: p.name, kind: p.kind, favourite: true }] : [];
    }),
    ...all
      .filter((p) => !favIds.includes(p.id) && (COMMON_KINDS as readonly string[]).includes(p.kind))
      .map((p) => ({ placeId: p.id, name: p.name, kind: p.kind, favourite: false })),
  ];
  const serviceDay = isServiceDay(hours, date);
  const times = bookableTimes(hours, s.minNoticeMinutes, now);
  const closedMessage = !serviceDay
    ? '今日は乗合タクシーの運行日ではありません。運行は平日です。'
    : times.length === 0
      ? `今日の予約は締め切りました。運行時間は${hours.start}〜${hours.end}です。`
      : null;
  return {
    date,
    open: closedMessage === null,
    closedMessage,
    hours: { start: hours.start, end: hours.end },
    minNoticeMinutes: s.minNoticeMinutes,
    residents: rs.map((r) => {
      const eligible = checkEligibility(r, date).eligible;
      return {
        id: r.id,
        name: r.name,
        eligible,
        fareYen: computeFare(s.fares, r, 'tv'),
        message: eligible ? null : NOT_ELIGIBLE_MESSAGE,
      };
    }),
    destinations,
    times,
    maxPassengers: 3,
  };
}
