import {
  advanceClock,
  createDispatchState,
  depotPoints,
  evaluateRoute,
  findInsertion,
  applyInsertion,
  liveSlots,
  type Booking,
  type DispatchSettings,
  type DispatchState,
  type Insertion,
  type LatLng,
  type LiveRequest,
  type RidePromise,
  type TravelRows,
} from './solver/index';
import { addPoints } from './solver/travel-table';
import { liveProblem, syncNodeArrays } from './solver/live-problem';

/** Travel rows for new points against the given targets (a synchronous travel provider). */
export type RowsFor = (points: LatLng[], targets: LatLng[]) => TravelRows;

/** A stored booking as the dispatcher needs it (times in minutes of the service day). */
export interface StoredRide {
  booking: Booking;
  vehicleIndex: number;
  promise: RidePromise;
  plannedPickup: number;
  plannedDropoff: number;
  /** set once the driver marked the pickup */
  pickedUp?: number;
}

export interface RestoredDay {
  state: DispatchState;
  /** rides that no longer fit any vehicle (the world drifted from the plan): kept, but unplanned */
  unplaced: string[];
}

function addRide(state: DispatchState, ride: StoredRide, rowsFor: RowsFor): LiveRequest {
  const s = state.settings;
  const targets = liveSlots(state.table);
  const rows = rowsFor(
    [ride.booking.pickup, ride.booking.dropoff],
    targets.map((t) => state.table.points[t]!),
  );
  const [sp, sd] = addPoints(state.table, [ride.booking.pickup, ride.booking.dropoff], targets, rows) as [
    number,
    number,
  ];
  syncNodeArrays(state);
  const direct = state.table.minutes[sp * state.table.capacity + sd]!;
  const maxRide = direct * s.maxRide.factor + s.maxRide.addMinutes;
  state.service[sp] = state.service[sd] = s.stopMinutes;
  state.load[sp] = ride.booking.passengers;
  state.load[sd] = -ride.booking.passengers;
  state.owner[sp] = state.owner[sd] = ride.booking.id;
  const p = ride.promise;
  if (ride.pickedUp !== undefined) {
    state.early[sp] = state.late[sp] = ride.pickedUp;
  } else {
    state.early[sp] = p.pickupFrom;
    state.late[sp] = p.pickupTo;
  }
  const b = ride.booking;
  state.early[sd] = b.kind === 'arriveBy' ? b.time - s.requestWindowMinutes : 0;
  // a late pickup already happened: the drop-off can only be as early as the ride allows
  state.late[sd] = Math.max(p.latestArrival, (ride.pickedUp ?? 0) + s.stopMinutes + maxRide);
  const live: LiveRequest = {
    booking: b,
    pickupNode: sp,
    deliveryNode: sd,
    maxRide,
    directMinutes: direct,
    promise: p,
  };
  state.requests.set(b.id, live);
  return live;
}

function removeRide(state: DispatchState, id: string): void {
  const live = state.requests.get(id);
  if (!live) return;
  state.requests.delete(id);
  for (const n of [live.pickupNode, live.deliveryNode]) {
    state.owner[n] = '';
    state.table.points[n] = null;
  }
}

/** Cheapest feasible insertion of request `id`, on `only` when given, else on any vehicle. */
function insert(state: DispatchState, id: string, only?: number): boolean {
  const { problem, ids } = liveProblem(state);
  const r = ids.indexOf(id);
  const at: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
  let best: { v: number; at: Insertion } | null = null;
  state.plan.routes.forEach((route, v) => {
    if (only !== undefined && v !== only) return;
    if (findInsertion(problem, v, route, state.plan.locked[v]!, r, at, best ? best.at.delta : Infinity)) {
      best = { v, at: { ...at } };
    }
  });
  if (!best) return false;
  const { v, at: where } = best as { v: number; at: Insertion };
  state.plan.routes[v] = applyInsertion(state.plan.routes[v]!, problem, r, where);
  return true;
}

/**
 * Rebuilds a service day's live dispatcher from stored bookings: each vehicle gets its stored
 * stops in planned order, each ride keeps the windows it was promised, then the clock is moved
 * to `now` (stops planned before now count as served). A vehicle whose stored order no longer
 * fits is re-planned by insertion; a ride that fits nowhere is reported, not dropped silently.
 */
export function restoreDispatch(
  settings: DispatchSettings,
  rides: StoredRide[],
  rowsFor: RowsFor,
  now: number,
): RestoredDay {
  const depots = depotPoints(settings);
  const state = createDispatchState(settings, rowsFor(depots, []), 0);
  const byVehicle = settings.vehicles.map(() => [] as { node: number; time: number; pickup: boolean }[]);
  for (const ride of rides) {
    const live = addRide(state, ride, rowsFor);
    const stops = byVehicle[ride.vehicleIndex];
    if (!stops) continue;
    stops.push({ node: live.pickupNode, time: ride.pickedUp ?? ride.plannedPickup, pickup: true });
    stops.push({ node: live.deliveryNode, time: ride.plannedDropoff, pickup: false });
  }
  const unplaced: string[] = [];
  const { problem } = liveProblem(state);
  const redo: number[] = [];
  byVehicle.forEach((stops, v) => {
    stops.sort((a, b) => a.time - b.time || Number(b.pickup) - Number(a.pickup));
    const route = stops.map((s) => s.node);
    if (evaluateRoute(problem, v, route) >= 0) state.plan.routes[v] = route;
    else redo.push(v);
  });
  for (const v of redo) {
    for (const s of byVehicle[v]!.filter((x) => x.pickup)) {
      const id = state.owner[s.node]!;
      if (!insert(state, id, v) && !insert(state, id)) unplaced.push(id);
    }
  }
  for (const id of unplaced) removeRide(state, id);
  advanceClock(state, Math.max(0, now));
  return { state, unplaced };
}
