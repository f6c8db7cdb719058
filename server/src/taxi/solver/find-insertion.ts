import { checkRoute } from './check-route.js';
import type { Problem } from './types.js';

/** Where to put a request into a route: positions in the route *before* insertion. */
export interface Insertion {
  /** added route cost */
  delta: number;
  /** pickup goes before stop `pickupAt` (== route length: at the end) */
  pickupAt: number;
  /** delivery goes before stop `deliveryAt` of the original route, after the pickup */
  deliveryAt: number;
}

let cand = new Float64Array(0);
let candI = new Int32Array(0);
let candJ = new Int32Array(0);
const order: number[] = [];
let seqBuf = new Int32Array(0);

/**
 * What `findInsertion` needs to know about one route, whatever request is inserted: its nodes with
 * the depots, earliest and latest start times, and the load after each stop. Preparing it once per
 * route and reusing it for every request tried there saves two passes over the route per try.
 */
export interface RoutePrep {
  vehicle: number;
  route: number[];
  /** positions: 0 = start depot, 1..len = stops, len + 1 = end depot */
  nodeAt: Int32Array;
  earliest: Float64Array;
  latest: Float64Array;
  loadAfter: Int32Array;
  /**
   * Per arc k (position k to k + 1): how much later than `earliest` position k + 1 may start before
   * some request riding across the arc must exceed its ride limit, whatever the schedule (its
   * pickup cannot start after `latest`, its delivery not before the delay that waiting leaves).
   * A necessary condition valid with metric times, used to skip hopeless exact checks.
   */
  delayRoom: Float64Array;
}

export function createRoutePrep(): RoutePrep {
  return {
    vehicle: -1,
    route: [],
    nodeAt: new Int32Array(0),
    earliest: new Float64Array(0),
    latest: new Float64Array(0),
    loadAfter: new Int32Array(0),
    delayRoom: new Float64Array(0),
  };
}

/** Fills `into` (buffers grow as needed) for vehicle `v`'s `route` and returns it. */
export function prepareRoute(p: Problem, v: number, route: number[], into: RoutePrep): RoutePrep {
  const n = p.nodeCount;
  const veh = p.vehicles[v]!;
  const len = route.length;
  const m = len + 2;
  if (into.earliest.length < m) {
    const size = Math.max(m, into.earliest.length * 2, 64);
    into.nodeAt = new Int32Array(size);
    into.earliest = new Float64Array(size);
    into.latest = new Float64Array(size);
    into.loadAfter = new Int32Array(size);
    into.delayRoom = new Float64Array(size);
  }
  if (waitCum.length < m) waitCum = new Float64Array(Math.max(m, waitCum.length * 2, 64));
  if (posOf.length < p.nodeCount) posOf = new Int32Array(p.nodeCount);
  into.vehicle = v;
  into.route = route;
  const { nodeAt, earliest, latest, loadAfter, delayRoom } = into;
  const { time, early, late, service } = p;
  nodeAt[0] = veh.start;
  for (let k = 0; k < len; k++) nodeAt[k + 1] = route[k]!;
  nodeAt[m - 1] = veh.end;
  earliest[0] = early[veh.start]!;
  loadAfter[0] = 0;
  waitCum[0] = 0;
  for (let k = 1; k < m; k++) {
    const a = nodeAt[k - 1]!;
    const b = nodeAt[k]!;
    const t = earliest[k - 1]! + service[a]! + time[a * n + b]!;
    earliest[k] = t < early[b]! ? early[b]! : t;
    // a delay arriving at k shrinks by the waiting it meets on the way
    waitCum[k] = waitCum[k - 1]! + (earliest[k]! - t);
    loadAfter[k] = loadAfter[k - 1]! + p.load[b]!;
  }
  latest[m - 1] = late[veh.end]!;
  for (let k = m - 2; k >= 0; k--) {
    const a = nodeAt[k]!;
    const b = nodeAt[k + 1]!;
    const t = latest[k + 1]! - service[a]! - time[a * n + b]!;
    latest[k] = t < late[a]! ? t : late[a]!;
  }
  // a delay d entering position k + 1 reaches a delivery at b as max(0, d - (waitCum[b] -
  // waitCum[k + 1])); its ride stays within the limit only if that is at most its slack
  for (let k = 0; k < m - 1; k++) delayRoom[k] = Infinity;
  for (let b = 1; b < m - 1; b++) {
    const node = nodeAt[b]!;
    posOf[node] = b;
    if (p.isPickup[node] === 1) continue;
    const a = posOf[p.partner[node]!]!;
    const slack = p.maxRideOf[node]! + latest[a]! + service[nodeAt[a]!]! - earliest[b]! + waitCum[b]!;
    for (let k = a; k < b; k++) if (slack < delayRoom[k]!) delayRoom[k] = slack;
  }
  for (let k = 0; k < m - 1; k++) delayRoom[k] = delayRoom[k]! - waitCum[k + 1]!;
  return into;
}

const scratch = createRoutePrep();
let waitCum = new Float64Array(0);
let posOf = new Int32Array(0);

function ensureCand(k: number): void {
  if (cand.length >= k) return;
  const size = Math.max(k, cand.length * 2, 256);
  const c = new Float64Array(size);
  const ci = new Int32Array(size);
  const cj = new Int32Array(size);
  c.set(cand);
  ci.set(candI);
  cj.set(candJ);
  cand = c;
  candI = ci;
  candJ = cj;
}

function byCand(x: number, y: number): number {
  return cand[x]! - cand[y]!;
}

/** Builds the route with request `r` inserted (depots excluded). */
export function applyInsertion(route: number[], p: Problem, r: number, at: Insertion): number[] {
  const req = p.requests[r]!;
  const out = route.slice(0, at.pickupAt);
  out.push(req.pickup);
  for (let k = at.pickupAt; k < at.deliveryAt; k++) out.push(route[k]!);
  out.push(req.delivery);
  for (let k = at.deliveryAt; k < route.length; k++) out.push(route[k]!);
  return out;
}

/**
 * Cheapest feasible insertion of request `r` into vehicle `v`'s route, not before stop `locked`.
 * Positions are screened in O(1) each with earliest/latest start times and loads (necessary
 * conditions), then the survivors are checked exactly by `checkRoute` cheapest first.
 * Only insertions cheaper than `limit` are looked at. Writes the result into `out`. `metric`:
 * travel times obey the triangle inequality (`obeysTriangle`), which allows more early exits.
 */
export function findInsertion(
  p: Problem,
  v: number,
  route: number[],
  locked: number,
  r: number,
  out: Insertion,
  limit = Infinity,
  metric = false,
): boolean {
  if (p.load[p.requests[r]!.pickup]! > p.vehicles[v]!.capacity) return false;
  return insertInto(p, prepareRoute(p, v, route, scratch), locked, r, out, limit, metric);
}

/** `findInsertion` into a route prepared by `prepareRoute` (which must be current). */
export function insertInto(
  p: Problem,
  prep: RoutePrep,
  locked: number,
  r: number,
  out: Insertion,
  limit = Infinity,
  metric = false,
): boolean {
  const n = p.nodeCount;
  const v = prep.vehicle;
  const route = prep.route;
  const veh = p.vehicles[v]!;
  const req = p.requests[r]!;
  const pk = req.pickup;
  const dl = req.delivery;
  const q = p.load[pk]!;
  const len = route.length;
  if (q > veh.capacity) return false;
  if (seqBuf.length < len + 2) seqBuf = new Int32Array(Math.max(len + 2, seqBuf.length * 2, 64));
  const { time, cost, early, late, service } = p;
  const { nodeAt, earliest, latest, loadAfter, delayRoom } = prep;
  // metric times: the delay entering a position may not exceed its room (see `delayRoom`)
  const roomTol = metric ? 1e-6 : Infinity;

  const eP = early[pk]!;
  const lP = late[pk]!;
  const eD = early[dl]!;
  const lD = late[dl]!;
  const sP = service[pk]!;
  const sD = service[dl]!;
  const tol = 1e-7;
  let count = 0;

  // Latest start times never decrease along a route, and any insertion with the pickup before
  // position i + 1 needs latest[i + 1] >= thr: the pickup cannot start before its window, nor so
  // early that the drop-off window opens more than a maximum ride later. With metric times the
  // positions before that are skipped by bisection (the scan below would reject each of them, and
  // cannot have stopped there: its stopping tests only grow along the route). A tight pickup or
  // drop-off window late in the day skips most of a long route.
  let first = locked;
  if (metric) {
    const thr = Math.max(eP + sP, eD - req.maxRide) - tol;
    let hi = len;
    while (first < hi) {
      const mid = (first + hi) >>> 1;
      if (latest[mid + 1]! < thr) first = mid + 1;
      else hi = mid;
    }
  }

  for (let i = first; i <= len; i++) {
    const a = nodeAt[i]!;
    const b = nodeAt[i + 1]!;
    const tap = earliest[i]! + service[a]! + time[a * n + pk]!;
    const ep = tap < eP ? eP : tap;
    if (ep > lP + tol) break;
    // with metric times, earliest times only grow along the route: once the delivery is too late
    // after a pickup here, it is too late after a pickup at any later position
    if (metric && ep + sP + time[pk * n + dl]! > lD + tol) break;
    if (loadAfter[i]! + q > veh.capacity) continue;
    const cab = cost[a * n + b]!;
    const baseP = cost[a * n + pk]! + cost[pk * n + b]! - cab;
    if (baseP >= limit && cost[a * n + pk]! + cost[pk * n + dl]! + cost[dl * n + b]! - cab >= limit) continue;
    // delivery right after pickup
    {
      const t1 = ep + sP + time[pk * n + dl]!;
      const ed = t1 < eD ? eD : t1;
      if (ed <= lD + tol) {
        const t2 = ed + sD + time[dl * n + b]!;
        const eb = t2 < early[b]! ? early[b]! : t2;
        if (eb <= latest[i + 1]! + tol && eb - earliest[i + 1]! <= delayRoom[i]! + roomTol) {
          const delta = cost[a * n + pk]! + cost[pk * n + dl]! + cost[dl * n + b]! - cab;
          if (delta < limit) {
            if (count >= cand.length) ensureCand(count + 1);
            cand[count] = delta;
            candI[count] = i;
            candJ[count++] = i;
          }
        }
      }
    }
    // with metric costs a delivery further on adds a detour >= 0 to the pickup's
    if (metric && baseP >= limit) continue;
    // delivery later: walk the segment with the pushed-back earliest times. The pickup can start
    // no later than `lp` (its window, and reaching b in time), which bounds the ride from below.
    const lpB = latest[i + 1]! - sP - time[pk * n + b]!;
    const lp = lpB < lP ? lpB : lP;
    if (lp < ep - tol) continue;
    // the delivery cannot start before its window opens: a pickup this early rides too long
    if (eD - lp - sP > req.maxRide + tol) continue;
    const t0 = ep + sP + time[pk * n + b]!;
    let ecur = t0 < early[b]! ? early[b]! : t0;
    if (ecur > latest[i + 1]! + tol || ecur - earliest[i + 1]! > delayRoom[i]! + roomTol) continue;
    let ride = time[pk * n + b]!;
    for (let j = i + 1; j <= len; j++) {
      const c = nodeAt[j]!;
      const e = nodeAt[j + 1]!;
      if (loadAfter[j]! + q > veh.capacity) break;
      if (ride > req.maxRide + tol) break;
      const tcd = ecur + service[c]! + time[c * n + dl]!;
      if (metric && tcd > lD + tol) break;
      const ed = tcd < eD ? eD : tcd;
      if (metric && ed - lp - sP > req.maxRide + tol) break;
      if (
        ed <= lD + tol &&
        ride + service[c]! + time[c * n + dl]! <= req.maxRide + tol &&
        ed - lp - sP <= req.maxRide + tol
      ) {
        const t2 = ed + sD + time[dl * n + e]!;
        const ee = t2 < early[e]! ? early[e]! : t2;
        if (ee <= latest[j + 1]! + tol && ee - earliest[j + 1]! <= delayRoom[j]! + roomTol) {
          const delta = baseP + cost[c * n + dl]! + cost[dl * n + e]! - cost[c * n + e]!;
          if (delta < limit) {
            if (count >= cand.length) ensureCand(count + 1);
            cand[count] = delta;
            candI[count] = i;
            candJ[count++] = j;
          }
        }
      }
      if (j === len) break;
      const tn = ecur + service[c]! + time[c * n + e]!;
      const en = tn < early[e]! ? early[e]! : tn;
      if (en > latest[j + 1]! + tol) break;
      ride += service[c]! + time[c * n + e]!;
      ecur = en;
    }
  }
  if (count === 0) return false;
  order.length = count;
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort(byCand);
  for (let k = 0; k < count; k++) {
    const c = order[k]!;
    const i = candI[c]!;
    const j = candJ[c]!;
    let w = 0;
    for (let s = 0; s < i; s++) seqBuf[w++] = route[s]!;
    seqBuf[w++] = pk;
    for (let s = i; s < j; s++) seqBuf[w++] = route[s]!;
    seqBuf[w++] = dl;
    for (let s = j; s < len; s++) seqBuf[w++] = route[s]!;
    if (checkRoute(p, v, seqBuf.subarray(0, w)) >= 0) {
      out.delta = cand[c]!;
      out.pickupAt = i;
      out.deliveryAt = j;
      return true;
    }
  }
  return false;
}
