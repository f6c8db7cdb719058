import { and, asc, desc, eq, gte, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { addDays, tokyoDate } from '../lib/tokyo';
import { viewBookings, type BookingView } from './booking-view';

/**
 * A household's rides for a phone call: today's and later ones soonest first (cancelled ones left
 * out), then those of the last `pastDays` days, newest first.
 */
export async function listHouseholdRides(
  db: DbOrTx,
  householdId: number,
  now: Date,
  pastDays = 14,
): Promise<{ upcoming: BookingView[]; recent: BookingView[] }> {
  const today = tokyoDate(now);
  const mine = eq(taxiBookings.householdId, householdId);
  const upcoming = await db
    .select()
    .from(taxiBookings)
    .where(and(mine, gte(taxiBookings.serviceDate, today), ne(taxiBookings.status, 'cancelled')))
    .orderBy(asc(taxiBookings.pickupFrom))
    .all();
  const recent = await db
    .select()
    .from(taxiBookings)
    .where(
      and(
        mine,
        lt(taxiBookings.serviceDate, today),
        gte(taxiBookings.serviceDate, addDays(today, -pastDays)),
      ),
    )
    .orderBy(desc(taxiBookings.pickupFrom))
    .limit(20)
    .all();
  return { upcoming: await viewBookings(db, upcoming, now), recent: await viewBookings(db, recent, now) };
}
