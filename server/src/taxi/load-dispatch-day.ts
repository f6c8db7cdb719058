import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings, vehicles } from '../../../db/src/schema';
import { greatCircleTable } from './travel/index';
import {
  defaultDispatchSettings,
  describePlan,
  type Booking,
  type DispatchSettings,
  type DispatchState,
  type LatLng,
  type TravelRows,
} from './solver/index';
import { restoreDispatch, type RowsFor, type StoredRide } from './restore-dispatch';
import { atMinute, hoursForArea, minutesOfDay, toMinutes } from './service-day';
import type { TaxiSettings } from './taxi-settings';

export type VehicleRow = typeof vehicles.$inferSelect;
export type BookingRow = typeof taxiBookings.$inferSelect;

/** Bookings that still take (or took) a seat in the plan. */
export const LIVE_STATUSES = ['booked', 'on_board'] as const;

export interface DispatchDay {
  date: string;
  state: DispatchState;
  vehicles: VehicleRow[];
  rowsFor: RowsFor;
  unplaced: string[];
}

export function rowsForSettings(s: TaxiSettings): RowsFor {
  const model = { roadFactor: s.roadFactor, speedKmh: s.speedKmh };
  return (points: LatLng[], targets: LatLng[]): TravelRows => {
    const from = greatCircleTable(model, points, [...targets, ...points]);
    const to = greatCircleTable(model, targets, points);
    return {
      fromNew: points.map((_, k) => ({ minutes: from.minutes[k]!, km: from.km[k]! })),
      toNew: points.map((_, k) => ({ minutes: to.minutes.map((r) => r[k]!), km: to.km.map((r) => r[k]!) })),
    };
  };
}

export function dispatchSettingsFor(s: TaxiSettings, areaId: number, vs: VehicleRow[]): DispatchSettings {
  const hours = hoursForArea(s, areaId);
  return {
    ...defaultDispatchSettings,
    serviceStart: toMinutes(hours.start),
    serviceEnd: toMinutes(hours.end),
    serviceGraceMinutes: s.serviceGraceMinutes,
    promiseWidthMinutes: s.pickupWindowMinutes,
    minLeadMinutes: s.minNoticeMinutes,
    vehicles: vs.map((v) => ({
      id: String(v.id),
      depot: { lat: v.depotLat, lng: v.depotLon },
      capacity: v.seats,
      shiftStart: toMinutes(v.shiftStart),
      shiftEnd: toMinutes(v.shiftEnd),
    })),
  };
}

export function toDispatchBooking(b: BookingRow): Booking {
  return {
    id: String(b.id),
    pickup: { lat: b.pickupLat, lng: b.pickupLon },
    dropoff: { lat: b.dropoffLat, lng: b.dropoffLon },
    passengers: b.passengers,
    kind: b.timeKind === 'arrive_by' ? 'arriveBy' : 'leaveAfter',
    time: toMinutes(b.requestedTime),
  };
}

/**
 * The live dispatcher of one area and day, rebuilt from the database: the stored bookings are the
 * truth, so a restart, a cancellation or a driver's report is seen by the next booking at once.
 */
export async function loadDispatchDay(
  db: DbOrTx,
  s: TaxiSettings,
  areaId: number,
  date: string,
  now: Date,
  exceptBookingId?: number,
): Promise<DispatchDay> {
  const vs = await db.select().from(vehicles).where(eq(vehicles.areaId, areaId)).orderBy(vehicles.id).all();
  const settings = dispatchSettingsFor(s, areaId, vs);
  const index = new Map(vs.map((v, i) => [v.id, i]));
  const rows =
    vs.length === 0
      ? []
      : await db
          .select()
          .from(taxiBookings)
          .where(
            and(
              eq(taxiBookings.serviceDate, date),
              inArray(taxiBookings.status, [...LIVE_STATUSES]),
              inArray(
                taxiBookings.vehicleId,
                vs.map((v) => v.id),
              ),
            ),
          )
          .orderBy(taxiBookings.id)
          .all();
  const m = (d: Date) => minutesOfDay(date, d);
  const rides: StoredRide[] = rows
    .filter((b) => b.id !== exceptBookingId)
    .map((b) => ({
      booking: toDispatchBooking(b),
      vehicleIndex: index.get(b.vehicleId)!,
      promise: {
        pickupFrom: m(b.pickupFrom),
        pickupTo: m(b.pickupTo),
        expectedArrival: m(b.expectedArrival),
        latestArrival: m(b.latestArrival),
      },
      plannedPickup: m(b.plannedPickupAt),
      plannedDropoff: m(b.plannedDropoffAt),
      pickedUp: b.pickedUpAt ? m(b.pickedUpAt) : undefined,
    }));
  const rowsFor = rowsForSettings(s);
  const { state, unplaced } = restoreDispatch(settings, rides, rowsFor, Math.max(0, m(now)));
  return { date, state, vehicles: vs, rowsFor, unplaced };
}

/** Stores the plan's current vehicle and planned times of every live ride (they move inside the promise). */
export async function writeBackPlan(tx: DbOrTx, day: DispatchDay): Promise<void> {
  for (const route of describePlan(day.state)) {
    for (const stop of route.stops) {
      if (stop.served) continue;
      const at = atMinute(day.date, stop.time);
      await tx
        .update(taxiBookings)
        .set(
          stop.kind === 'pickup'
            ? { vehicleId: Number(route.vehicleId), plannedPickupAt: at }
            : { vehicleId: Number(route.vehicleId), plannedDropoffAt: at },
        )
        .where(eq(taxiBookings.id, Number(stop.bookingId)))
        .run();
    }
  }
}
