import type { Problem, RouteSchedule } from './types.js';

const EPS = 1e-7;

// Scratch buffers reused across calls: evaluation runs millions of times per solve and must not
// allocate. The solver is single-threaded per isolate, so sharing them is safe.
let cap = 0;
let nodes = new Int32Array(0);
let beg = new Float64Array(0);
let wait = new Float64Array(0);
let latestStart = new Float64Array(0);
/** for a delivery position: the position of its pickup; -1 otherwise */
let pairPos = new Int32Array(0);
/** per node: position in the current call, valid when seen[node] === stamp */
let posOfNode = new Int32Array(0);
let seen = new Int32Array(0);
let stamp = 0;

function ensure(size: number, nodeCount: number): void {
  if (size > cap) {
    cap = Math.max(size, cap * 2, 64);
    nodes = new Int32Array(cap);
    beg = new Float64Array(cap);
    wait = new Float64Array(cap);
    latestStart = new Float64Array(cap);
    pairPos = new Int32Array(cap);
  }
  if (posOfNode.length < nodeCount) {
    posOfNode = new Int32Array(nodeCount * 2);
    seen = new Int32Array(nodeCount * 2);
  }
}

/**
 * Recomputes start/wait from position `from` on after start[from - 1] moved later. Stops where a
 * start does not change: from there on every start and wait stays as it was.
 */
function propagate(p: Problem, m: number, from: number): void {
  const n = p.nodeCount;
  const { service, time, early } = p;
  for (let i = from; i < m; i++) {
    const a = nodes[i - 1]!;
    const b = nodes[i]!;
    const t = beg[i - 1]! + service[a]! + time[a * n + b]!;
    const e = early[b]!;
    const old = beg[i]!;
    if (t < e) {
      beg[i] = e;
      wait[i] = e - t;
    } else {
      beg[i] = t;
      wait[i] = 0;
    }
    if (beg[i] === old) return;
  }
}

function firstRideViolation(p: Problem, m: number, from: number): number {
  const { service, maxRideOf } = p;
  for (let i = from; i < m - 1; i++) {
    const pp = pairPos[i]!;
    if (pp < 0) continue;
    if (beg[i]! - beg[pp]! - service[nodes[pp]!]! > maxRideOf[nodes[i]!]! + EPS) return i;
  }
  return -1;
}

/**
 * Feasibility and cost of one vehicle's stop sequence, with start times chosen by the eight-step
 * procedure of Cordeau & Laporte (2003): earliest schedule, then delay the departure and each pickup
 * by its forward time slack so waiting moves before pickups and ride times shrink.
 * Returns the arc cost, or -1 when the sequence breaks precedence, a window, capacity, a ride time
 * or the route duration. When `out` is given, the chosen start times (depot, stops..., depot) are
 * written into it.
 */
export function evaluateRoute(p: Problem, vehicle: number, seq: ArrayLike<number>, out?: number[]): number {
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

  // Steps 1-3: earliest schedule; windows, capacity and precedence.
  let cost = 0;
  let load = 0;
  const capacity = veh.capacity;
  beg[0] = early[veh.start]!;
  wait[0] = 0;
  pairPos[0] = -1;
  pairPos[m - 1] = -1;
  let rides = false;
  for (let i = 1; i < m; i++) {
    const a = nodes[i - 1]!;
    const b = nodes[i]!;
    cost += arcCost[a * n + b]!;
    const t = beg[i - 1]! + service[a]! + time[a * n + b]!;
    const e = early[b]!;
    let s = t;
    if (t < e) {
      s = e;
      wait[i] = e - t;
    } else wait[i] = 0;
    if (s > late[b]! + EPS) return -1;
    beg[i] = s;
    load += dq[b]!;
    if (load > capacity) return -1;
    pairPos[i] = -1;
    if (i < m - 1) {
      if (isPickup[b] === 1) {
        seen[b] = stamp;
        posOfNode[b] = i;
      } else {
        const pk = partner[b]!;
        if (pk < 0 || seen[pk] !== stamp) return -1;
        const pp = posOfNode[pk]!;
        pairPos[i] = pp;
        if (s - beg[pp]! - service[pk]! > maxRideOf[b]! + EPS) rides = true;
      }
    }
  }
  if (load !== 0) return -1;

  // Quick refusal before the quadratic part: a ride can be no shorter than its delivery's earliest
  // start minus its pickup's latest start (both bounds ignore ride limits, so the test is exact).
  if (rides) {
    latestStart[m - 1] = late[nodes[m - 1]!]!;
    for (let k = m - 2; k >= 0; k--) {
      const a = nodes[k]!;
      const t = latestStart[k + 1]! - service[a]! - time[a * n + nodes[k + 1]!]!;
      latestStart[k] = t < late[a]! ? t : late[a]!;
    }
    for (let i = 1; i < m - 1; i++) {
      const pp = pairPos[i]!;
      if (pp < 0) continue;
      if (beg[i]! - latestStart[pp]! - service[nodes[pp]!]! > maxRideOf[nodes[i]!]! + EPS) return -1;
    }
  }

  // Steps 4-6: delay the departure by the depot's forward slack (bounded by the total waiting).
  {
    let cumWait = 0;
    let slack = Infinity;
    for (let j = 0; j < m; j++) {
      if (j > 0) cumWait += wait[j]!;
      // later stops add waiting to a sum already above the slack: they cannot lower it
      if (cumWait >= slack) break;
      const room = late[nodes[j]!]! - beg[j]!;
      const f = cumWait + (room > 0 ? room : 0);
      if (f < slack) slack = f;
    }
    const delay = slack < cumWait ? slack : cumWait;
    if (delay > EPS) {
      beg[0] = beg[0]! + delay;
      propagate(p, m, 1);
      rides = firstRideViolation(p, m, 1) >= 0;
    }
  }

  // Steps 7-8: while some ride is too long, delay each pickup (in route order) by its forward slack,
  // counting the ride-time room of riders already aboard.
  if (rides) {
    let violated = firstRideViolation(p, m, 1);
    for (let j = 1; j < m - 1 && violated >= 0; j++) {
      // delaying stops after a delivery cannot shorten its ride
      if (violated < j) return -1;
      if (isPickup[nodes[j]!] !== 1) continue;
      let cumWait = 0;
      let slack = Infinity;
      for (let k = j; k < m; k++) {
        if (k > j) cumWait += wait[k]!;
        if (cumWait >= slack) break;
        let room = late[nodes[k]!]! - beg[k]!;
        const pp = pairPos[k]!;
        if (pp >= 0 && pp < j) {
          const rr = maxRideOf[nodes[k]!]! - (beg[k]! - beg[pp]! - service[nodes[pp]!]!);
          if (rr < room) room = rr;
        }
        const f = cumWait + (room > 0 ? room : 0);
        if (f < slack) slack = f;
      }
      const delay = slack < cumWait ? slack : cumWait;
      if (delay > EPS) {
        wait[j] = wait[j]! + delay;
        beg[j] = beg[j]! + delay;
        propagate(p, m, j + 1);
        // The delay is within every forward slack (windows, and the ride room of riders aboard),
        // and riders picked up from j on arrive no later than they are picked up: no ride became
        // too long, so the first violation cannot be earlier than before.
        violated = firstRideViolation(p, m, violated);
      } else if (violated <= j) {
        // rides ending here or earlier cannot be helped by delaying later pickups
        return -1;
      }
    }
    if (violated >= 0) return -1;
  }
  for (let i = 0; i < m; i++) if (beg[i]! > late[nodes[i]!]! + EPS) return -1;
  if (beg[m - 1]! - beg[0]! > veh.maxDuration + EPS) return -1;
  if (out) {
    out.length = m;
    for (let i = 0; i < m; i++) out[i] = beg[i]!;
  }
  return cost;
}

/** Schedule (start times) and cost of a route, or `feasible: false`. */
export function scheduleRoute(p: Problem, vehicle: number, seq: ArrayLike<number>): RouteSchedule {
  const start: number[] = [];
  const cost = evaluateRoute(p, vehicle, seq, start);
  return cost < 0 ? { feasible: false, cost: Infinity, start: [] } : { feasible: true, cost, start };
}
