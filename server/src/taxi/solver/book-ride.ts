import { advanceClock } from './advance-clock.js';
import type { Booking, BookingAnswer, DispatchState, LiveRequest, RidePromise } from './dispatch-types.js';
import { evaluateRoute } from './evaluate-route.js';
import { applyInsertion, findInsertion, type Insertion } from './find-insertion.js';
import { liveProblem, syncNodeArrays } from './live-problem.js';
import { addPoints, freeSlot, type TravelRows } from './travel-table.js';
import type { Problem } from './types.js';

/** Travel rows for a booking's two points, computed against `targets` (= liveSlots at query time). */
export interface NewPointsTravel {
  targets: number[];
  rows: TravelRows;
}

interface Windows {
  pickup: [number, number];
  delivery: [number, number];
}

/**
 * The request's pickup and drop-off windows for requested time `time`, or null when none fits.
 * `hours`: every stop also inside the service hours (± grace); without it the windows only
 * respect the lead time, which tells a refusal for the hours apart from one for lead time.
 */
function windowsFor(
  state: DispatchState,
  b: Booking,
  kind: Booking['kind'],
  time: number,
  direct: number,
  maxRide: number,
  hours = true,
): Windows | null {
  const s = state.settings;
  const w = s.requestWindowMinutes;
  const stop = s.stopMinutes;
  const earliest = state.now + s.minLeadMinutes;
  const grace = s.serviceGraceMinutes ?? 0;
  const open = hours ? s.serviceStart - grace : -Infinity;
  const close = hours ? s.serviceEnd + grace : Infinity;
  let pickup: [number, number];
  let delivery: [number, number];
  if (kind === 'arriveBy') {
    pickup = [Math.max(earliest, time - w - stop - maxRide, open), time - stop - direct];
    delivery = [time - w, Math.min(time, close)];
  } else {
    const from = Math.max(time, earliest, open);
    pickup = [from, Math.min(time + w, close - stop - direct)];
    delivery = [from + stop + direct, Math.min(time + w + stop + maxRide, close)];
  }
  if (pickup[0] > pickup[1] || delivery[0] > delivery[1]) return null;
  return { pickup, delivery };
}

function bestVehicle(state: DispatchState, p: Problem, r: number): { v: number; at: Insertion } | null {
  const at: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
  let best: { v: number; at: Insertion } | null = null;
  state.plan.routes.forEach((route, v) => {
    if (findInsertion(p, v, route, state.plan.locked[v]!, r, at, best ? best.at.delta : Infinity)) {
      best = { v, at: { ...at } };
    }
  });
  return best;
}

/**
 * Answers one booking at time `now`: inserts it at once into the cheapest feasible place of the
 * live plan without moving any locked stop or breaking any promise, and returns the promise made;
 * or refuses and lists nearby requested times that would work. `travel` must hold the travel rows
 * of [booking.pickup, booking.dropoff] against `liveSlots(state.table)` (after `advanceClock(now)`).
 */
export function bookRide(
  state: DispatchState,
  booking: Booking,
  travel: NewPointsTravel,
  now: number,
): BookingAnswer {
  advanceClock(state, now);
  const s = state.settings;
  const refuse = (
    reason: Extract<BookingAnswer, { status: 'refused' }>['reason'],
    alternatives: number[] = [],
    earliestArrival?: number,
  ) =>
    ({
      status: 'refused',
      bookingId: booking.id,
      reason,
      alternatives,
      ...(earliestArrival === undefined ? {} : { earliestArrival }),
    }) as BookingAnswer;
  if (state.requests.has(booking.id)) throw new Error(`booking ${booking.id} is already live`);
  if (booking.passengers > Math.max(...s.vehicles.map((v) => v.capacity)))
    return refuse('too-many-passengers');
  if (booking.time < s.serviceStart || booking.time > s.serviceEnd) return refuse('outside-hours');

  const [sp, sd] = addPoints(state.table, [booking.pickup, booking.dropoff], travel.targets, travel.rows) as [
    number,
    number,
  ];
  syncNodeArrays(state);
  const cap = state.table.capacity;
  const direct = state.table.minutes[sp * cap + sd]!;
  const maxRide = direct * s.maxRide.factor + s.maxRide.addMinutes;
  state.service[sp] = state.service[sd] = s.stopMinutes;
  state.load[sp] = booking.passengers;
  state.load[sd] = -booking.passengers;
  state.owner[sp] = state.owner[sd] = booking.id;
  const live: LiveRequest = {
    booking,
    pickupNode: sp,
    deliveryNode: sd,
    maxRide,
    directMinutes: direct,
    promise: { pickupFrom: 0, pickupTo: 0, expectedArrival: 0, latestArrival: 0 },
  };
  state.requests.set(booking.id, live);
  const { problem } = liveProblem(state);
  const r = problem.requests.length - 1;

  const tryAt = (time: number, kind = booking.kind): { v: number; at: Insertion } | null => {
    const w = windowsFor(state, booking, kind, time, direct, maxRide);
    if (!w) return null;
    [state.early[sp], state.late[sp]] = w.pickup;
    [state.early[sd], state.late[sd]] = w.delivery;
    return bestVehicle(state, problem, r);
  };

  const found = tryAt(booking.time);
  if (!found) {
    const alternatives: number[] = [];
    for (const shift of s.alternativeShifts) {
      const t = booking.time + shift;
      if (t < s.serviceStart || t > s.serviceEnd) continue;
      if (tryAt(t)) alternatives.push(t);
      if (alternatives.length >= 3) break;
    }
    // the earliest arrival that works now, e.g. for an appointment too early for the service hours
    let earliestArrival: number | undefined;
    const from = Math.ceil((booking.kind === 'arriveBy' ? booking.time : booking.time + direct) / 5) * 5;
    for (let t = from; t <= Math.min(s.serviceEnd, from + 120); t += 5) {
      if (tryAt(t, 'arriveBy')) {
        earliestArrival = t;
        break;
      }
    }
    state.requests.delete(booking.id);
    state.owner[sp] = state.owner[sd] = '';
    freeSlot(state.table, sp);
    freeSlot(state.table, sd);
    const reason =
      windowsFor(state, booking, booking.kind, booking.time, direct, maxRide, false) === null
        ? 'too-late'
        : windowsFor(state, booking, booking.kind, booking.time, direct, maxRide) === null
          ? 'outside-hours'
          : 'no-capacity';
    return refuse(reason, alternatives, earliestArrival);
  }

  const route = applyInsertion(state.plan.routes[found.v]!, problem, r, found.at);
  const times: number[] = [];
  if (evaluateRoute(problem, found.v, route, times) < 0)
    throw new Error('screened insertion turned infeasible');
  state.plan.routes[found.v] = route;
  const pickTime = times[route.indexOf(sp) + 1]!;
  const dropTime = times[route.indexOf(sd) + 1]!;
  const promise = makePromise(state, booking, pickTime, dropTime);
  live.promise = promise;
  // from now on re-optimisation may only move the ride inside what was promised
  state.early[sp] = Math.max(state.early[sp]!, promise.pickupFrom);
  state.late[sp] = Math.min(state.late[sp]!, promise.pickupTo);
  state.late[sd] = Math.min(state.late[sd]!, promise.latestArrival);
  return { status: 'accepted', bookingId: booking.id, vehicleId: s.vehicles[found.v]!.id, promise };
}

/** A whole-minute pickup window of the promised width around the planned pickup, inside the request. */
function makePromise(state: DispatchState, b: Booking, pick: number, drop: number): RidePromise {
  const s = state.settings;
  const sp = state.requests.get(b.id)!.pickupNode;
  const sd = state.requests.get(b.id)!.deliveryNode;
  const lo = state.early[sp]!;
  const hi = state.late[sp]!;
  const w = s.promiseWidthMinutes;
  let from: number;
  let to: number;
  if (hi - lo <= w) [from, to] = [lo, hi];
  else {
    // prefer whole minutes; fall back to exact bounds when the window edges do not allow them
    from = Math.min(Math.max(Math.floor(pick - w / 2), Math.ceil(lo)), Math.floor(hi) - w);
    if (from < lo || from > pick || from + w < pick) from = Math.min(Math.max(pick - w / 2, lo), hi - w);
    to = from + w;
  }
  const latest =
    b.kind === 'arriveBy'
      ? state.late[sd]!
      : Math.min(state.late[sd]!, Math.ceil(drop) + s.arrivalSlackMinutes);
  return { pickupFrom: from, pickupTo: to, expectedArrival: drop, latestArrival: Math.max(latest, drop) };
}
