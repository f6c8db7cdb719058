import { and, desc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { tokyoDate } from '../lib/tokyo';
import { viewBookings, type BookingView } from './booking-view';

/** A household's bookings from today on, newest first (what the TV lists). */
export function listHouseholdBookings(db: DbOrTx, householdId: number, now: Date): BookingView[] {
  const rows = db
    .select()
    .from(taxiBookings)
    .where(and(eq(taxiBookings.householdId, householdId), gte(taxiBookings.serviceDate, tokyoDate(now))))
    .orderBy(desc(taxiBookings.pickupFrom))
    .all();
  return viewBookings(db, rows, now);
}
