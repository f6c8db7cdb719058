import { and, asc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { tokyoDate } from '../lib/tokyo';
import { viewBookings, type BookingView } from './booking-view';

/** Rides still to come (or under way), before those that are over (ridden, missed, cancelled). */
const STILL_TO_COME = new Set(['booked', 'on_board']);

/**
 * A household's bookings from today on, as the TV lists them: the next ride first (rides to come by
 * pickup time), then the finished and cancelled ones, the latest of those first.
 */
export async function listHouseholdBookings(
  db: DbOrTx,
  householdId: number,
  now: Date,
): Promise<BookingView[]> {
  const rows = await db
    .select()
    .from(taxiBookings)
    .where(and(eq(taxiBookings.householdId, householdId), gte(taxiBookings.serviceDate, tokyoDate(now))))
    .orderBy(asc(taxiBookings.pickupFrom), asc(taxiBookings.id))
    .all();
  const coming = rows.filter((b) => STILL_TO_COME.has(b.status));
  const over = rows.filter((b) => !STILL_TO_COME.has(b.status)).reverse();
  return await viewBookings(db, [...coming, ...over], now);
}
