import { z } from '@hono/zod-openapi';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { tokyoDate } from '../lib/tokyo';
import { minutesUntil } from './record-departure';

export const RideStatusSchema = z
  .object({
    /** Rides whose car has set off for the pickup and not yet picked the household up. */
    onItsWay: z.array(
      z.object({
        bookingId: z.number().int(),
        minutes: z.number().int(),
        /** 「タクシーが向かっています（あと約5分）」, shown and read aloud as it is. */
        message: z.string(),
        /** Where the car comes to (「自宅」, 「○○病院」). */
        place: z.string(),
      }),
    ),
  })
  .openapi('TaxiRideStatus');
export type RideStatus = z.infer<typeof RideStatusSchema>;

/**
 * What the TV polls every half minute: cheap (the household-and-date index, today's rows only) and
 * only this household's rides.
 */
export async function getRideStatus(db: DbOrTx, householdId: number, now: Date): Promise<RideStatus> {
  const rows = await db
    .select({
      id: taxiBookings.id,
      pickupLabel: taxiBookings.pickupLabel,
      pickupEtaAt: taxiBookings.pickupEtaAt,
    })
    .from(taxiBookings)
    .where(
      and(
        eq(taxiBookings.householdId, householdId),
        eq(taxiBookings.serviceDate, tokyoDate(now)),
        eq(taxiBookings.status, 'booked'),
        isNotNull(taxiBookings.departedAt),
      ),
    )
    .orderBy(taxiBookings.pickupEtaAt)
    .all();
  return {
    onItsWay: rows.map((r) => {
      const minutes = minutesUntil(r.pickupEtaAt ?? now, now);
      return {
        bookingId: r.id,
        minutes,
        message: `タクシーが向かっています（あと約${minutes}分）`,
        place: r.pickupLabel,
      };
    }),
  };
}
