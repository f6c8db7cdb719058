import { z } from '@hono/zod-openapi';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import { taxiBookings, vehicles } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { tokyoTime } from '../lib/tokyo';
import type { BookingRow } from './load-dispatch-day';
import { assertDriverOwnsRide } from './record-ride-event';
import { getTaxiSettings } from './taxi-settings';
import { greatCircleTable } from './travel/index';

export const DepartureSchema = z
  .object({
    bookingId: z.number().int(),
    departedAt: z.string().openapi({ example: '10:02' }),
    /** The dispatcher's estimate of the car at the pickup. */
    pickupEta: z.string().openapi({ example: '10:09' }),
    minutes: z.number().int(),
  })
  .openapi('TaxiDeparture');
export type Departure = z.infer<typeof DepartureSchema>;

/**
 * Where the car is when it sets off: the last stop it served today (a drop-off or a pickup), else
 * its depot. The tablet sends no position, so the plan's own last point is the best known one.
 */
async function lastPosition(db: DbOrTx, b: BookingRow): Promise<{ lat: number; lng: number }> {
  const served = await db
    .select()
    .from(taxiBookings)
    .where(
      and(
        eq(taxiBookings.vehicleId, b.vehicleId),
        eq(taxiBookings.serviceDate, b.serviceDate),
        or(isNotNull(taxiBookings.pickedUpAt), isNotNull(taxiBookings.droppedOffAt)),
      ),
    )
    .all();
  let best: { at: number; lat: number; lng: number } | null = null;
  for (const r of served) {
    if (r.pickedUpAt && (!best || r.pickedUpAt.getTime() > best.at))
      best = { at: r.pickedUpAt.getTime(), lat: r.pickupLat, lng: r.pickupLon };
    if (r.droppedOffAt && (!best || r.droppedOffAt.getTime() > best.at))
      best = { at: r.droppedOffAt.getTime(), lat: r.dropoffLat, lng: r.dropoffLon };
  }
  if (best) return { lat: best.lat, lng: best.lng };
  const v = await db.select().from(vehicles).where(eq(vehicles.id, b.vehicleId)).get();
  if (!v) throw notFound('Vehicle');
  return { lat: v.depotLat, lng: v.depotLon };
}

const view = (b: BookingRow, now: Date): Departure => ({
  bookingId: b.id,
  departedAt: tokyoTime(b.departedAt!),
  pickupEta: tokyoTime(b.pickupEtaAt!),
  minutes: minutesUntil(b.pickupEtaAt!, now),
});

/** Whole minutes until an instant, at least 1 (「あと約0分」 would say nothing useful). */
export const minutesUntil = (at: Date, now: Date): number =>
  Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));

/**
 * The driver sets off for a pickup (「向かう」 on the tablet). Stores when, and the dispatcher's
 * travel estimate from the car's last stop to the pickup, so the household's TV can say
 * 「タクシーが向かっています（あと約◯分）」. Tapping again changes nothing.
 */
export async function recordDeparture(db: Db, id: number, staff: StaffAuth, now: Date): Promise<Departure> {
  const b = await db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get();
  if (!b) throw notFound('Booking');
  await assertDriverOwnsRide(db, staff, b);
  if (b.departedAt && b.pickupEtaAt) return view(b, now);
  if (b.status !== 'booked') throw unprocessable('wrong_state', `This ride is ${b.status}`);
  const s = await getTaxiSettings(db);
  const from = await lastPosition(db, b);
  const minutes = greatCircleTable(
    { roadFactor: s.roadFactor, speedKmh: s.speedKmh },
    [from],
    [{ lat: b.pickupLat, lng: b.pickupLon }],
  ).minutes[0]![0]!;
  const eta = new Date(now.getTime() + Math.round(minutes * 60_000));
  const row = await db.transaction(async (tx) => {
    await tx
      .update(taxiBookings)
      .set({ departedAt: now, pickupEtaAt: eta })
      .where(eq(taxiBookings.id, id))
      .run();
    await recordAudit(tx, now, { type: 'staff', id: staff.id }, 'taxi.ride.depart', 'taxi_booking', id, {
      etaMinutes: Math.round(minutes),
    });
    return (await tx.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;
  });
  return view(row, now);
}
