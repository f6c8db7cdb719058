import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceClock } from './advance-clock.js';
import { bookRide } from './book-ride.js';
import { createDispatchState, depotPoints } from './create-dispatch-state.js';
import {
  defaultDispatchSettings,
  type Booking,
  type DispatchSettings,
  type DispatchState,
} from './dispatch-types.js';
import { evaluateRoute } from './evaluate-route.js';
import { liveProblem } from './live-problem.js';
import { reoptimizePlan } from './reoptimize-plan.js';
import { createRng } from './rng.js';
import { scheduleViolations } from './testing/random-problem.js';
import { syncDepotRows, syncTravel } from './testing/sync-travel.js';

const CENTRE = { lat: 35.83, lng: 137.95 };

function settings(vehicles: number): DispatchSettings {
  return {
    ...defaultDispatchSettings,
    vehicles: Array.from({ length: vehicles }, (_, v) => ({
      id: `car-${v}`,
      depot: { lat: CENTRE.lat + 0.01 * v, lng: CENTRE.lng - 0.01 * v },
      capacity: 3,
      shiftStart: 8 * 60 + 45,
      shiftEnd: 15 * 60 + 30,
    })),
  };
}

function randomBookings(seed: number, count: number): (Booking & { arrivedAt: number })[] {
  const rng = createRng(seed);
  const spot = () => ({ lat: CENTRE.lat + (rng() - 0.5) * 0.1, lng: CENTRE.lng + (rng() - 0.5) * 0.1 });
  const out = Array.from({ length: count }, (_, k) => {
    const time = 9 * 60 + 30 + Math.floor(rng() * 300);
    return {
      id: `b${k}`,
      arrivedAt: Math.max(8 * 60 + 30, time - 20 - Math.floor(rng() * 120)),
      pickup: spot(),
      dropoff: spot(),
      passengers: rng() < 0.8 ? 1 : 2,
      kind: rng() < 0.5 ? ('arriveBy' as const) : ('leaveAfter' as const),
      time,
    };
  });
  return out.sort((a, b) => a.arrivedAt - b.arrivedAt);
}

/** Every live route is feasible and every live ride is planned inside what it was promised. */
function expectPlanKeepsPromises(state: DispatchState): void {
  const { problem } = liveProblem(state);
  state.plan.routes.forEach((route, v) => {
    const times: number[] = [];
    expect(evaluateRoute(problem, v, route, times)).toBeGreaterThanOrEqual(0);
    expect(scheduleViolations(problem, v, route, times)).toEqual([]);
    route.forEach((node, k) => {
      const req = state.requests.get(state.owner[node]!)!;
      const t = times[k + 1]!;
      if (node === req.pickupNode) {
        expect(t).toBeGreaterThanOrEqual(req.promise.pickupFrom - 1e-6);
        expect(t).toBeLessThanOrEqual(req.promise.pickupTo + 1e-6);
      } else expect(t).toBeLessThanOrEqual(req.promise.latestArrival + 1e-6);
    });
  });
}

describe('dispatcher (bookRide + reoptimizePlan + advanceClock)', () => {
  it('never returns a plan that breaks a constraint or a promise, and keeps locked stops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 3 }), (seed, vehicles) => {
        const s = settings(vehicles);
        const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 8 * 60 + 30);
        const accepted = new Map<string, { from: number; to: number; latest: number }>();
        for (const b of randomBookings(seed, 14)) {
          const now = Math.max(state.now, b.arrivedAt);
          advanceClock(state, now);
          const answer = bookRide(state, b, syncTravel(state.table, [b.pickup, b.dropoff]), now);
          if (answer.status === 'accepted') {
            const p = answer.promise;
            expect(p.pickupTo - p.pickupFrom).toBeLessThanOrEqual(s.promiseWidthMinutes + 1e-9);
            expect(p.expectedArrival).toBeLessThanOrEqual(p.latestArrival);
            if (b.kind === 'arriveBy') expect(p.latestArrival).toBeLessThanOrEqual(b.time);
            else expect(p.pickupFrom).toBeGreaterThanOrEqual(b.time);
            accepted.set(b.id, { from: p.pickupFrom, to: p.pickupTo, latest: p.latestArrival });
          } else {
            expect(state.requests.has(b.id)).toBe(false);
            for (const t of answer.alternatives) expect(t).not.toBe(b.time);
          }
          expectPlanKeepsPromises(state);
          const before = state.plan.routes.map((r, v) => r.slice(0, state.plan.locked[v]));
          reoptimizePlan(state, { seed, clock: () => 0, maxIterations: 30 });
          state.plan.routes.forEach((r, v) => expect(r.slice(0, state.plan.locked[v])).toEqual(before[v]));
          expectPlanKeepsPromises(state);
        }
        advanceClock(state, 24 * 60);
        expect(state.requests.size).toBe(0);
        expect(state.finished.length).toBe(accepted.size);
        for (const f of state.finished) {
          const p = accepted.get(f.booking.id)!;
          expect(f.done!.pickup).toBeGreaterThanOrEqual(p.from - 1e-6);
          expect(f.done!.pickup).toBeLessThanOrEqual(p.to + 1e-6);
          expect(f.done!.dropoff).toBeLessThanOrEqual(p.latest + 1e-6);
          expect(f.done!.dropoff - f.done!.pickup - s.stopMinutes).toBeLessThanOrEqual(f.maxRide + 1e-6);
          // service hours bound every stop, not only the requested time
          expect(f.done!.pickup).toBeGreaterThanOrEqual(s.serviceStart - 1e-6);
          expect(f.done!.dropoff).toBeLessThanOrEqual(s.serviceEnd + 1e-6);
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('refuses an impossible time with nearby alternatives that are then accepted', () => {
    const s = settings(1);
    const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 9 * 60);
    const far = { lat: CENTRE.lat + 0.05, lng: CENTRE.lng + 0.05 };
    const b: Booking = {
      id: 'x',
      pickup: far,
      dropoff: CENTRE,
      passengers: 1,
      kind: 'arriveBy',
      time: 9 * 60 + 20,
    };
    const answer = bookRide(state, b, syncTravel(state.table, [b.pickup, b.dropoff]), 9 * 60);
    expect(answer.status).toBe('refused');
    if (answer.status !== 'refused') return;
    expect(answer.alternatives.length).toBeGreaterThan(0);
    expect(state.requests.size).toBe(0);
    const retry = { ...b, id: 'y', time: answer.alternatives[0]! };
    const again = bookRide(state, retry, syncTravel(state.table, [b.pickup, b.dropoff]), 9 * 60);
    expect(again.status).toBe('accepted');
  });

  it('refuses more passengers than any vehicle seats and requests outside service hours', () => {
    const s = settings(1);
    const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 9 * 60);
    const base: Booking = {
      id: 'z',
      pickup: CENTRE,
      dropoff: CENTRE,
      passengers: 5,
      kind: 'leaveAfter',
      time: 600,
    };
    expect(bookRide(state, base, syncTravel(state.table, []), 9 * 60)).toMatchObject({
      reason: 'too-many-passengers',
    });
    const late = { ...base, passengers: 1, time: 16 * 60 };
    expect(bookRide(state, late, syncTravel(state.table, []), 9 * 60)).toMatchObject({
      reason: 'outside-hours',
    });
  });

  describe('service hours bound every pickup and drop-off', () => {
    // about 7 minutes from the centre, 5 from the first depot: feasible only by starting before 9:00
    const far = { lat: CENTRE.lat + 0.025, lng: CENTRE.lng };
    const early: Booking = {
      id: 'e',
      pickup: far,
      dropoff: CENTRE,
      passengers: 1,
      kind: 'arriveBy',
      time: 9 * 60 + 5,
    };

    it('refuses an arrival so early that the pickup would fall before the service starts, with the earliest arrival that works', () => {
      const s = settings(2);
      const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 8 * 60);
      const travel = syncTravel(state.table, [early.pickup, early.dropoff]);
      const answer = bookRide(state, early, travel, 8 * 60);
      expect(answer).toMatchObject({ status: 'refused', reason: 'outside-hours' });
      if (answer.status !== 'refused') return;
      expect(state.requests.size).toBe(0);
      const at = answer.earliestArrival!;
      expect(at).toBeGreaterThan(early.time);
      expect(at % 5).toBe(0);
      // five minutes earlier does not work, the offered time does, with the pickup inside the hours
      const before = { ...early, id: 'e0', time: at - 5 };
      expect(bookRide(state, before, syncTravel(state.table, [far, CENTRE]), 8 * 60).status).toBe('refused');
      const retry = bookRide(
        state,
        { ...early, id: 'e1', time: at },
        syncTravel(state.table, [far, CENTRE]),
        8 * 60,
      );
      expect(retry.status).toBe('accepted');
      if (retry.status !== 'accepted') return;
      expect(retry.promise.pickupFrom).toBeGreaterThanOrEqual(s.serviceStart);
      expect(retry.promise.latestArrival).toBeLessThanOrEqual(at);
    });

    it('lets a city allow a grace margin before the start', () => {
      const s = { ...settings(2), serviceGraceMinutes: 20 };
      const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 8 * 60);
      const answer = bookRide(state, early, syncTravel(state.table, [early.pickup, early.dropoff]), 8 * 60);
      expect(answer.status).toBe('accepted');
      if (answer.status !== 'accepted') return;
      expect(answer.promise.pickupFrom).toBeGreaterThanOrEqual(s.serviceStart - 20);
      expect(answer.promise.pickupFrom).toBeLessThan(s.serviceStart);
    });

    it('refuses a departure whose drop-off would come after the service ends', () => {
      const s = settings(2);
      const state = createDispatchState(s, syncDepotRows(depotPoints(s)), 8 * 60);
      const late: Booking = { ...early, id: 'l', kind: 'leaveAfter', time: 14 * 60 + 58 };
      const answer = bookRide(state, late, syncTravel(state.table, [late.pickup, late.dropoff]), 8 * 60);
      expect(answer).toMatchObject({ status: 'refused', reason: 'outside-hours' });
      const ok = bookRide(
        state,
        { ...late, id: 'l2', time: 14 * 60 },
        syncTravel(state.table, [far, CENTRE]),
        8 * 60,
      );
      expect(ok.status).toBe('accepted');
      if (ok.status === 'accepted') expect(ok.promise.latestArrival).toBeLessThanOrEqual(s.serviceEnd);
    });
  });
});
