import { describe, expect, it } from 'vitest';
import {
  bookRide,
  defaultDispatchSettings,
  describePlan,
  liveSlots,
  type DispatchSettings,
} from './solver/index';
import { rowsForSettings } from './load-dispatch-day';
import { restoreDispatch, type StoredRide } from './restore-dispatch';
import { defaultTaxiSettings } from './taxi-settings';

const settings: DispatchSettings = {
  ...defaultDispatchSettings,
  vehicles: [0, 1].map((k) => ({
    id: `car${k}`,
    depot: { lat: 35.84, lng: 138.06 },
    capacity: 4,
    shiftStart: 8 * 60 + 30,
    shiftEnd: 15 * 60 + 30,
  })),
};
const rowsFor = rowsForSettings(defaultTaxiSettings);
const ride = (id: string, lat: number, time: number) => ({
  id,
  pickup: { lat, lng: 138.08 },
  dropoff: { lat: 35.84, lng: 138.061 },
  passengers: 1,
  kind: 'arriveBy' as const,
  time,
});

/** Books rides on an empty day, then stores what the tests would store. */
function bookDay(rides: ReturnType<typeof ride>[], now: number): StoredRide[] {
  const day = restoreDispatch(settings, [], rowsFor, now);
  for (const r of rides) {
    const targets = liveSlots(day.state.table);
    const rows = rowsFor(
      [r.pickup, r.dropoff],
      targets.map((t) => day.state.table.points[t]!),
    );
    const a = bookRide(day.state, r, { targets, rows }, now);
    if (a.status !== 'accepted') throw new Error(`refused ${r.id}`);
  }
  const stored: StoredRide[] = [];
  for (const route of describePlan(day.state)) {
    const v = settings.vehicles.findIndex((x) => x.id === route.vehicleId);
    for (const s of route.stops.filter((x) => x.kind === 'pickup')) {
      const live = day.state.requests.get(s.bookingId)!;
      const drop = route.stops.find((x) => x.bookingId === s.bookingId && x.kind === 'dropoff')!;
      stored.push({
        booking: live.booking,
        vehicleIndex: v,
        promise: live.promise,
        plannedPickup: s.time,
        plannedDropoff: drop.time,
      });
    }
  }
  return stored;
}

describe('restoreDispatch', () => {
  it('rebuilds the same routes from stored rides, keeping every promise', () => {
    const stored = bookDay([ride('a', 35.76, 630), ride('b', 35.761, 630), ride('c', 35.8, 720)], 570);
    const again = restoreDispatch(settings, stored, rowsFor, 575);
    expect(again.unplaced).toEqual([]);
    const plan = describePlan(again.state);
    for (const s of stored) {
      const route = plan.find((r) => r.vehicleId === settings.vehicles[s.vehicleIndex]!.id)!;
      const pick = route.stops.find((x) => x.bookingId === s.booking.id && x.kind === 'pickup')!;
      expect(pick.time).toBeGreaterThanOrEqual(s.promise.pickupFrom - 1e-6);
      expect(pick.time).toBeLessThanOrEqual(s.promise.pickupTo + 1e-6);
    }
  });

  it('re-plans a vehicle whose stored order no longer fits, and reports a ride that fits nowhere', () => {
    const stored = bookDay([ride('a', 35.76, 630), ride('b', 35.761, 630)], 570);
    // stored times swapped: the stored order is now infeasible, insertion finds a working one
    const swapped = stored.map((s) => ({
      ...s,
      plannedPickup: 900 - s.plannedPickup,
      plannedDropoff: 900 - s.plannedDropoff,
    }));
    expect(restoreDispatch(settings, swapped, rowsFor, 575).unplaced).toEqual([]);
    // a promise nobody can keep (pickup window closed before the shift starts) is reported
    const impossible = [
      { ...stored[0]!, promise: { ...stored[0]!.promise, pickupFrom: 400, pickupTo: 410 } },
    ];
    expect(restoreDispatch(settings, impossible, rowsFor, 575).unplaced).toEqual([stored[0]!.booking.id]);
  });
});
