import { buildProblem } from './build-problem.js';
import type { DispatchState } from './dispatch-types.js';
import type { Problem } from './types.js';

/**
 * The solver's view of the live state: nodes are travel-table slots, requests are the live
 * (not finished) bookings in insertion order. Arrays are shared with the state, not copied, so
 * window changes made on the state are seen by the problem.
 */
export function liveProblem(state: DispatchState): { problem: Problem; ids: string[] } {
  const ids: string[] = [];
  const requests = [];
  for (const [id, r] of state.requests) {
    ids.push(id);
    requests.push({ pickup: r.pickupNode, delivery: r.deliveryNode, maxRide: r.maxRide });
  }
  const problem = buildProblem({
    nodeCount: state.table.capacity,
    time: state.table.minutes,
    cost: state.table.km,
    early: state.early,
    late: state.late,
    service: state.service,
    load: state.load,
    requests,
    vehicles: state.settings.vehicles.map((v, k) => ({
      start: state.startNode[k]!,
      end: state.endNode[k]!,
      capacity: v.capacity,
      maxDuration: v.shiftEnd - v.shiftStart,
    })),
  });
  return { problem, ids };
}

/** Keeps the per-node arrays as large as the travel table. */
export function syncNodeArrays(state: DispatchState): void {
  const cap = state.table.capacity;
  if (state.early.length >= cap) return;
  const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const b = make(cap);
    b.set(a);
    return b;
  };
  state.early = grow(state.early, (n) => new Float64Array(n));
  state.late = grow(state.late, (n) => new Float64Array(n));
  state.service = grow(state.service, (n) => new Float64Array(n));
  state.load = grow(state.load, (n) => new Int32Array(n));
  while (state.owner.length < cap) state.owner.push('');
}
