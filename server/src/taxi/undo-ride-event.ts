import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { billingCloses, charges, rideEventKeys, taxiBookings } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { viewBooking, type BookingView } from './booking-view';
import type { BookingRow } from './load-dispatch-day';
import { assertDriverOwnsRide, type RideEvent } from './record-ride-event';

/** How long a tap may be taken back: long enough to notice a wrong button, short of a finished trip. */
export const UNDO_MINUTES = 5;

/** The ride's last recorded event and when, if it may still be undone at `now`; pure. */
export function undoableEvent(b: BookingRow, now: Date): { event: RideEvent; at: Date } | null {
  const last =
    b.status === 'on_board' && b.pickedUpAt
      ? { event: 'pickup' as const, at: b.pickedUpAt }
      : b.status === 'arrived' && b.droppedOffAt
        ? { event: 'dropoff' as const, at: b.droppedOffAt }
        : b.status === 'no_show' && b.noShowAt
          ? { event: 'no_show' as const, at: b.noShowAt }
          : null;
  if (!last) return null;
  const age = now.getTime() - last.at.getTime();
  return age >= 0 && age <= UNDO_MINUTES * 60_000 ? last : null;
}

/**
 * Takes back the driver's last tap on a ride (乗車 pressed on the wrong row, 降車 a stop early):
 * the ride returns to the state before it, the charge that tap wrote is removed, and the audit log
 * keeps both the tap and its undo. With the tablet's key a resent undo (offline queue) is done once.
 * The sign of life a pickup gave the watching service stays: the resident was seen either way.
 */
export async function undoRideEvent(
  db: Db,
  id: number,
  staff: StaffAuth,
  now: Date,
  key?: string,
): Promise<BookingView> {
  const b = await db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get();
  if (!b) throw notFound('Booking');
  await assertDriverOwnsRide(db, staff, b);
  if (
    key &&
    (await db
      .select()
      .from(rideEventKeys)
      .where(and(eq(rideEventKeys.staffId, staff.id), eq(rideEventKeys.key, key)))
      .get())
  )
    return await viewBooking(db, b, now);
  const last = undoableEvent(b, now);
  if (!last)
    throw unprocessable('undo_expired', `取り消せるのは記録から${UNDO_MINUTES}分以内の最後の操作だけです`);
  const chargeKeys = like(charges.sourceKey, `ride:${id}:resident:%`);
  const charged = await db.select({ month: charges.month }).from(charges).where(chargeKeys).get();
  if (charged && (await db.select().from(billingCloses).where(eq(billingCloses.month, charged.month)).get()))
    throw unprocessable('month_closed', 'この月の請求は締められたため取り消せません');
  await db.transaction(async (tx) => {
    const back =
      last.event === 'dropoff'
        ? { status: 'on_board' as const, droppedOffAt: null }
        : last.event === 'pickup'
          ? { status: 'booked' as const, pickedUpAt: null }
          : { status: 'booked' as const, noShowAt: null };
    await tx.update(taxiBookings).set(back).where(eq(taxiBookings.id, id)).run();
    if (last.event !== 'pickup') await tx.delete(charges).where(chargeKeys).run();
    await recordAudit(
      tx,
      now,
      { type: 'staff', id: staff.id },
      `taxi.ride.undo_${last.event}`,
      'taxi_booking',
      id,
    );
    if (key)
      await tx
        .insert(rideEventKeys)
        .values({ staffId: staff.id, key, bookingId: id, event: 'undo', createdAt: now })
        .run();
  });
  return await viewBooking(
    db,
    (await db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!,
    now,
  );
}
