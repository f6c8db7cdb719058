import type { Rng } from './rng.js';
import type { Solution } from './solution.js';
import type { Problem } from './types.js';

const pickupTimes = new WeakMap<Problem, Float64Array>();

/**
 * Per request, a static guess of its pickup time: the middle of its narrower window, carried back
 * over the direct ride when that window is the drop-off's. Relatedness needs no schedule this way.
 */
export function pickupTimeGuess(p: Problem): Float64Array {
  let t = pickupTimes.get(p);
  if (t) return t;
  const n = p.nodeCount;
  t = new Float64Array(p.requests.length);
  p.requests.forEach((req, r) => {
    const { pickup: pk, delivery: dl } = req;
    const wP = p.late[pk]! - p.early[pk]!;
    const wD = p.late[dl]! - p.early[dl]!;
    t![r] =
      wP <= wD
        ? (p.early[pk]! + p.late[pk]!) / 2
        : (p.early[dl]! + p.late[dl]!) / 2 - p.service[pk]! - p.time[pk * n + dl]!;
  });
  pickupTimes.set(p, t);
  return t;
}

/**
 * Route-based decomposition of a big day: a random seed request's route plus the `m - 1` routes
 * holding the requests most related to it (distance between the two pickups and the two drop-offs,
 * plus the difference of their pickup times), and one empty vehicle if there is one. Sets
 * `mask[v]` = 1 for the chosen routes (0 for the others) and returns the movable requests in them.
 * A destroy-and-repair restricted to these routes is a small problem of the size the search solves
 * best, at a fraction of the cost of trying every removed request in every route.
 */
export function pickRouteSubset(
  p: Problem,
  s: Solution,
  movable: number[],
  m: number,
  rng: Rng,
  mask: Uint8Array,
): number[] {
  const K = s.routes.length;
  mask.fill(0, 0, K);
  if (movable.length === 0) return [];
  const n = p.nodeCount;
  const guess = pickupTimeGuess(p);
  const r0 = movable[Math.floor(rng() * movable.length)]!;
  const { pickup: p0, delivery: d0 } = p.requests[r0]!;
  const score = new Float64Array(K).fill(Infinity);
  for (const r of movable) {
    const v = s.routeOf[r]!;
    if (v < 0) continue;
    const { pickup, delivery } = p.requests[r]!;
    const rel = p.cost[p0 * n + pickup]! + p.cost[d0 * n + delivery]! + Math.abs(guess[r0]! - guess[r]!);
    if (rel < score[v]!) score[v] = rel;
  }
  const order = Array.from({ length: K }, (_, v) => v)
    .filter((v) => score[v]! < Infinity)
    .sort((a, b) => score[a]! - score[b]!);
  for (let k = 0; k < Math.min(m, order.length); k++) mask[order[k]!] = 1;
  for (let v = 0; v < K; v++) {
    if (s.routes[v]!.length === 0) {
      mask[v] = 1;
      break;
    }
  }
  return movable.filter((r) => s.routeOf[r]! >= 0 && mask[s.routeOf[r]!] === 1);
}

const nearCache = new WeakMap<Problem, Map<number, Int32Array>>();

/**
 * Per request, its `g` most related requests (same measure as `pickRouteSubset`), row r at
 * [r * g, (r + 1) * g). Computed once per problem and g: O(n² log n).
 */
export function nearestRequests(p: Problem, g: number): Int32Array {
  let byG = nearCache.get(p);
  if (!byG) nearCache.set(p, (byG = new Map()));
  const hit = byG.get(g);
  if (hit) return hit;
  const n = p.nodeCount;
  const R = p.requests.length;
  const guess = pickupTimeGuess(p);
  const out = new Int32Array(R * g).fill(-1);
  const key = new Float64Array(R);
  const idx = Array.from({ length: R }, (_, r) => r);
  for (let r = 0; r < R; r++) {
    const { pickup: p0, delivery: d0 } = p.requests[r]!;
    for (let x = 0; x < R; x++) {
      const { pickup, delivery } = p.requests[x]!;
      key[x] =
        x === r
          ? Infinity
          : p.cost[p0 * n + pickup]! + p.cost[d0 * n + delivery]! + Math.abs(guess[r]! - guess[x]!);
    }
    idx.sort((a, b) => key[a]! - key[b]!);
    for (let k = 0; k < Math.min(g, R - 1); k++) out[r * g + k] = idx[k]!;
  }
  byG.set(g, out);
  return out;
}
