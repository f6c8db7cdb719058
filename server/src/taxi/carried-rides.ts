import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { addDays } from '../lib/tokyo';
import type { BookingRow } from './load-dispatch-day';

/**
 * Yesterday's rides nobody closed (still booked, or on board with no drop-off): today's boards carry
 * them, marked 「前日から」, until the driver or the office records what happened. Only on the board
 * of today — a past day's board shows that day as it was.
 */
export async function carriedRides(
  db: DbOrTx,
  date: string,
  today: string,
  vehicleId?: number,
): Promise<BookingRow[]> {
  if (date !== today) return [];
  return await db
    .select()
    .from(taxiBookings)
    .where(
      and(
        gte(taxiBookings.serviceDate, addDays(date, -1)),
        lt(taxiBookings.serviceDate, date),
        inArray(taxiBookings.status, ['booked', 'on_board']),
        vehicleId === undefined ? undefined : eq(taxiBookings.vehicleId, vehicleId),
      ),
    )
    .all();
}
