import type { Problem } from './types.js';

const EPS = 1e-7;

let cap = 0;
let nodes = new Int32Array(0);
let beg = new Float64Array(0);
let pairPos = new Int32Array(0);
let posOfNode = new Int32Array(0);
let seen = new Int32Array(0);
let stamp = 0;

function ensure(size: number, nodeCount: number): void {
  if (size > cap) {
    cap = Math.max(size, cap * 2, 64);
    nodes = new Int32Array(cap);
    beg = new Float64Array(cap);
    pairPos = new Int32Array(cap);
  }
  if (posOfNode.length < nodeCount) {
    posOfNode = new Int32Array(nodeCount * 2);
    seen = new Int32Array(nodeCount * 2);
  }
}

/**
 * Exact feasibility of one vehicle's stop sequence. Waiting is allowed anywhere, so the start
 * times form a simple temporal network: every constraint bounds a difference of two start times
 * (travel, ride limit, route duration) or one start time (windows). The least solution is found
 * by raising start times to a fixed point (travel pushes later stops, a ride limit pushes its
 * pickup, the duration limit pushes the departure); the sequence is feasible exactly when that
 * least solution keeps every latest start. Returns the arc cost, or -1.
 */
export function checkRoute(p: Problem, vehicle: number, seq: ArrayLike<number>, out?: number[]): number {
  const veh = p.vehicles[vehicle]!;
  const n = p.nodeCount;
  const { time, cost: arcCost, early, late, service, load: dq, partner, isPickup, maxRideOf } = p;
  const len = seq.length;
  const m = len + 2;
  ensure(m, n);
  stamp = (stamp + 1) | 0;
  nodes[0] = veh.start;
  for (let i = 0; i < len; i++) nodes[i + 1] = seq[i]!;
  nodes[m - 1] = veh.end;
  let cost = 0;
  let load = 0;
  beg[0] = early[veh.start]!;
  pairPos[0] = -1;
  pairPos[m - 1] = -1;
  for (let i = 1; i < m; i++) {
    const a = nodes[i - 1]!;
    const b = nodes[i]!;
    cost += arcCost[a * n + b]!;
    const t = beg[i - 1]! + service[a]! + time[a * n + b]!;
    const s = t < early[b]! ? early[b]! : t;
    if (s > late[b]! + EPS) return -1;
    beg[i] = s;
    load += dq[b]!;
    if (load > veh.capacity) return -1;
    pairPos[i] = -1;
    if (i < m - 1) {
      if (isPickup[b] === 1) {
        seen[b] = stamp;
        posOfNode[b] = i;
      } else {
        const pk = partner[b]!;
        if (pk < 0 || seen[pk] !== stamp) return -1;
        pairPos[i] = posOfNode[pk]!;
      }
    }
  }
  if (load !== 0) return -1;
  // fixed point: each round raises pickups (and the departure) to what the rides (and the duration)
  // demand, then pushes the raise forward; starts only grow, so a start past its window is final
  for (let round = 0; round <= m + 1; round++) {
    let from = m;
    for (let i = 1; i < m - 1; i++) {
      const pp = pairPos[i]!;
      if (pp < 0) continue;
      const need = beg[i]! - service[nodes[pp]!]! - maxRideOf[nodes[i]!]!;
      if (need > beg[pp]! + EPS) {
        beg[pp] = need;
        if (need > late[nodes[pp]!]! + EPS) return -1;
        if (pp < from) from = pp;
      }
    }
    const needDepart = beg[m - 1]! - veh.maxDuration;
    if (needDepart > beg[0]! + EPS) {
      beg[0] = needDepart;
      if (needDepart > late[nodes[0]!]! + EPS) return -1;
      from = 0;
    }
    if (from === m) {
      if (out) {
        out.length = m;
        for (let i = 0; i < m; i++) out[i] = beg[i]!;
      }
      return cost;
    }
    for (let i = from + 1; i < m; i++) {
      const a = nodes[i - 1]!;
      const b = nodes[i]!;
      const t = beg[i - 1]! + service[a]! + time[a * n + b]!;
      if (t <= beg[i]!) continue;
      if (t > late[b]! + EPS) return -1;
      beg[i] = t;
    }
  }
  return -1;
}
