import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import { and } from 'drizzle-orm';
import { charges, driverVehicles, rideEventKeys, taxiBookings } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { forbidden, notFound, unprocessable } from '../lib/errors';
import { tokyoMonth, tokyoTime } from '../lib/tokyo';
import type { StaffAuth } from '../lib/router';
import { recordLifeSign } from '../watch/index';
import { viewBooking, type BookingView } from './booking-view';
import type { BookingRow } from './load-dispatch-day';
import { getTaxiSettings } from './taxi-settings';

export type RideEvent = 'pickup' | 'dropoff' | 'no_show';

async function chargeRide(tx: DbOrTx, b: BookingRow, now: Date, noShow: boolean): Promise<void> {
  for (const riderId of b.riderIds) {
    const amountYen = b.fares[String(riderId)] ?? 0;
    const what = noShow ? '乗合タクシー 不在' : '乗合タクシー';
    await tx
      .insert(charges)
      .values({
        householdId: b.householdId,
        residentId: riderId,
        kind: 'ride',
        sourceKey: `ride:${b.id}:resident:${riderId}`,
        description: `${what} ${b.serviceDate.slice(5).replace('-', '/')} ${b.pickupLabel}→${b.dropoffLabel}`,
        amountYen,
        taxRate: 10,
        occurredAt: now,
        month: tokyoMonth(now),
        createdAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
}

/** A driver may act only on rides of the vehicle they drive today; other staff roles pass. */
export async function assertDriverOwnsRide(db: DbOrTx, staff: StaffAuth, b: BookingRow): Promise<void> {
  if (staff.role !== 'driver') return;
  const dv = await db.select().from(driverVehicles).where(eq(driverVehicles.staffId, staff.id)).get();
  if (!dv || dv.vehicleId !== b.vehicleId) throw forbidden('This ride is on another vehicle');
}

/**
 * What the driver reports from the tablet: picked up, dropped off, or not there (only after the
 * grace time past the promised window's start). A completed ride writes one charge per rider;
 * a no-show is charged only when configured. Reporting the same event twice changes nothing.
 */
export async function recordRideEvent(
  db: Db,
  id: number,
  event: RideEvent,
  staff: StaffAuth,
  now: Date,
  /** The tablet's key for this tap: a resent key (offline queue) is the same action, done once. */
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
  const done = { pickup: 'on_board', dropoff: 'arrived', no_show: 'no_show' } as const;
  if (b.status === done[event] || (event === 'pickup' && b.status === 'arrived'))
    return await viewBooking(db, b, now);
  const from = { pickup: 'booked', dropoff: 'on_board', no_show: 'booked' } as const;
  if (b.status !== from[event]) throw unprocessable('wrong_state', `This ride is ${b.status}`);
  const s = await getTaxiSettings(db);
  if (event === 'no_show') {
    const allowed = new Date(b.pickupFrom.getTime() + s.noShowGraceMinutes * 60_000);
    if (now < allowed)
      throw unprocessable('grace_not_over', `No-show can be recorded from ${tokyoTime(allowed)}`);
  }
  const actor: Actor = { type: 'staff', id: staff.id };
  await db.transaction(async (tx) => {
    const set =
      event === 'pickup'
        ? { status: 'on_board' as const, pickedUpAt: now }
        : event === 'dropoff'
          ? { status: 'arrived' as const, droppedOffAt: now }
          : { status: 'no_show' as const, noShowAt: now };
    await tx.update(taxiBookings).set(set).where(eq(taxiBookings.id, id)).run();
    if (event === 'dropoff') await chargeRide(tx, b, now, false);
    if (event === 'no_show' && s.noShowCharged) await chargeRide(tx, b, now, true);
    // boarding the car is the resident's sign of life for the watching service
    if (event === 'pickup') for (const r of b.riderIds) await recordLifeSign(tx, r, 'ride', now);
    await recordAudit(tx, now, actor, `taxi.ride.${event}`, 'taxi_booking', id);
    if (key)
      await tx
        .insert(rideEventKeys)
        .values({ staffId: staff.id, key, bookingId: id, event, createdAt: now })
        .run();
  });
  return await viewBooking(
    db,
    (await db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!,
    now,
  );
}
