import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import { isCancellable, viewBooking, type BookingView } from './booking-view';

/**
 * Cancels a booking up to its promised pickup window. `householdId` limits a box to its own
 * bookings (another household's booking is reported missing); staff pass null. Cancelling twice
 * answers the cancelled booking again.
 */
export async function cancelBooking(
  db: Db,
  id: number,
  householdId: number | null,
  actor: Actor,
  now: Date,
): Promise<BookingView> {
  const b = await db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get();
  if (!b || (householdId !== null && b.householdId !== householdId)) throw notFound('Booking');
  if (b.status === 'cancelled') return await viewBooking(db, b, now);
  if (!isCancellable(b, now)) {
    throw unprocessable(
      'not_cancellable',
      'お迎えの時間になったため、取り消しできません。お電話でご連絡ください。',
    );
  }
  const row = await db.transaction(async (tx) => {
    await tx
      .update(taxiBookings)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(taxiBookings.id, id))
      .run();
    await recordAudit(tx, now, actor, 'taxi.booking.cancelled', 'taxi_booking', id);
    return (await tx.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;
  });
  return await viewBooking(db, row, now);
}
