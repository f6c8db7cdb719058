import type { DispatchState } from './dispatch-types.js';
import { evaluateRoute } from './evaluate-route.js';
import { liveProblem } from './live-problem.js';
import { copySlot, freeSlot } from './travel-table.js';

/**
 * Moves the dispatcher to time `now`: stops whose service has begun are fixed at their planned
 * time, each vehicle's next stop is locked once it has left for it, and rides that are complete
 * leave the live plan (the vehicle's origin moves to its last drop-off).
 */
export function advanceClock(state: DispatchState, now: number): void {
  if (now < state.now) throw new Error(`clock moved backwards: ${now} < ${state.now}`);
  state.now = now;
  const { problem } = liveProblem(state);
  const times: number[] = [];
  state.plan.routes.forEach((route, v) => {
    const start = state.startNode[v]!;
    if (evaluateRoute(problem, v, route, times) < 0) throw new Error(`live route ${v} became infeasible`);
    const departed = times[0]! <= now && route.length > 0;
    if (departed) {
      state.early[start] = state.late[start] = times[0]!;
    } else {
      // an idle vehicle can leave from now on, not earlier
      state.early[start] = idleEarliest(state, v, state.early[start]!, Math.max(state.early[start]!, now));
    }
    let served = 0;
    while (served < route.length && times[served + 1]! <= now) {
      const node = route[served]!;
      state.served.set(node, times[served + 1]!);
      state.early[node] = state.late[node] = times[served + 1]!;
      served++;
    }
    // the vehicle is on its way to the next stop once it has left the previous one
    const lastDeparture = served === 0 ? times[0]! : times[served]! + state.service[route[served - 1]!]!;
    const driving = served < route.length && (served > 0 || departed) && lastDeparture <= now;
    state.plan.locked[v] = Math.max(state.plan.locked[v]!, served + (driving ? 1 : 0));

    // drop the longest served prefix after which nobody is aboard
    let load = 0;
    let cut = -1;
    for (let k = 0; k < served; k++) {
      load += state.load[route[k]!]!;
      if (load === 0) cut = k;
    }
    if (cut < 0) return;
    const cap = state.table.capacity;
    let prev = start;
    for (let k = 0; k <= cut; k++) {
      const node = route[k]!;
      state.drivenKm[v] = state.drivenKm[v]! + state.table.km[prev * cap + node]!;
      prev = node;
      const req = state.requests.get(state.owner[node]!)!;
      const kind = node === req.pickupNode ? 'pickup' : 'dropoff';
      state.history.push({ vehicle: v, bookingId: req.booking.id, kind, time: times[k + 1]! });
    }
    const last = route[cut]!;
    const leave = times[cut + 1]! + state.service[last]!;
    copySlot(state.table, last, start);
    state.service[start] = 0;
    const stillDriving = cut + 1 < route.length && state.plan.locked[v]! > cut + 1;
    const shiftEnd = state.settings.vehicles[v]!.shiftEnd;
    state.late[start] = stillDriving ? leave : Math.max(leave, shiftEnd);
    state.early[start] = stillDriving ? leave : idleEarliest(state, v, leave, Math.max(leave, now));
    for (let k = 0; k <= cut; k++) {
      const node = route[k]!;
      const req = state.requests.get(state.owner[node]!);
      if (req && node === req.deliveryNode) {
        req.done = {
          pickup: state.served.get(req.pickupNode)!,
          dropoff: state.served.get(node)!,
          vehicle: v,
        };
        state.requests.delete(req.booking.id);
        state.finished.push(req);
      }
    }
    for (let k = 0; k <= cut; k++) {
      const node = route[k]!;
      state.served.delete(node);
      state.owner[node] = '';
      freeSlot(state.table, node);
    }
    state.plan.routes[v] = route.slice(cut + 1);
    state.plan.locked[v] = state.plan.locked[v]! - (cut + 1);
  });
}

/**
 * Earliest departure of an idle vehicle: `wanted`, but never so late that it could no longer get
 * back to its depot within its shift (after the shift it simply drives home).
 */
function idleEarliest(state: DispatchState, v: number, floor: number, wanted: number): number {
  const start = state.startNode[v]!;
  const end = state.endNode[v]!;
  const cap = state.table.capacity;
  const latestLeave = state.late[end]! - state.service[start]! - state.table.minutes[start * cap + end]!;
  return Math.max(floor, Math.min(wanted, latestLeave, state.late[start]!));
}
