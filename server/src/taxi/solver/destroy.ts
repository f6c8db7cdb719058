import { evaluateRoute } from './evaluate-route.js';
import type { Rng } from './rng.js';
import type { Solution } from './solution.js';
import type { Problem } from './types.js';

/** A removal heuristic: picks `q` of the movable requests to take out of the plan. */
export type Destroy = (p: Problem, s: Solution, movable: number[], q: number, rng: Rng) => number[];

/** Random removal. */
export const removeRandom: Destroy = (_p, _s, movable, q, rng) => {
  const pool = movable.slice();
  const out: number[] = [];
  while (out.length < q && pool.length > 0) {
    const k = Math.floor(rng() * pool.length);
    out.push(pool[k]!);
    pool[k] = pool[pool.length - 1]!;
    pool.pop();
  }
  return out;
};

/** Worst removal: requests whose stops add most distance, randomised by y^3 (Ropke & Pisinger). */
export const removeWorst: Destroy = (p, s, movable, q, rng) => {
  const n = p.nodeCount;
  const gain = new Map<number, number>();
  s.routes.forEach((route, v) => {
    const veh = p.vehicles[v]!;
    const node = (k: number): number => (k < 0 ? veh.start : k >= route.length ? veh.end : route[k]!);
    for (let k = 0; k < route.length; k++) {
      const r = p.requestOf[route[k]!]!;
      const a = node(k - 1);
      const b = node(k + 1);
      const g = p.cost[a * n + route[k]!]! + p.cost[route[k]! * n + b]! - p.cost[a * n + b]!;
      gain.set(r, (gain.get(r) ?? 0) + g);
    }
  });
  const pool = movable.slice().sort((x, y) => (gain.get(y) ?? 0) - (gain.get(x) ?? 0));
  const out: number[] = [];
  while (out.length < q && pool.length > 0) {
    const k = Math.floor(Math.pow(rng(), 3) * pool.length);
    out.push(pool.splice(k, 1)[0]!);
  }
  return out;
};

const largest = new WeakMap<Problem, number>();

/** Largest arc cost of a problem (scanning the matrix on every removal would cost more). */
function largestCost(p: Problem): number {
  let c = largest.get(p);
  if (c === undefined) {
    c = 1e-9;
    for (let i = 0; i < p.cost.length; i++) if (p.cost[i]! > c) c = p.cost[i]!;
    largest.set(p, c);
  }
  return c;
}

/** Shaw (related) removal: requests close in space and planned time to a random seed request. */
export const removeShaw: Destroy = (p, s, movable, q, rng) => {
  if (movable.length === 0) return [];
  const n = p.nodeCount;
  const startOf = new Float64Array(n);
  const times: number[] = [];
  s.routes.forEach((route, v) => {
    if (evaluateRoute(p, v, route, times) < 0) return;
    for (let k = 0; k < route.length; k++) startOf[route[k]!] = times[k + 1]!;
  });
  const maxC = largestCost(p);
  let maxT = 1e-9;
  for (const r of movable) {
    const t = startOf[p.requests[r]!.delivery]!;
    if (t > maxT) maxT = t;
  }
  const rel = (a: number, b: number): number => {
    const ra = p.requests[a]!;
    const rb = p.requests[b]!;
    return (
      (9 * (p.cost[ra.pickup * n + rb.pickup]! + p.cost[ra.delivery * n + rb.delivery]!)) / maxC +
      (3 *
        (Math.abs(startOf[ra.pickup]! - startOf[rb.pickup]!) +
          Math.abs(startOf[ra.delivery]! - startOf[rb.delivery]!))) /
        maxT
    );
  };
  const pool = movable.slice();
  const first = Math.floor(rng() * pool.length);
  const out = [pool[first]!];
  pool.splice(first, 1);
  // relatedness per request, computed once per sort instead of twice per comparison
  const key = new Float64Array(p.requests.length);
  const byKey = (x: number, y: number): number => key[x]! - key[y]!;
  while (out.length < q && pool.length > 0) {
    const ref = out[Math.floor(rng() * out.length)]!;
    for (const r of pool) key[r] = rel(ref, r);
    pool.sort(byKey);
    const k = Math.floor(Math.pow(rng(), 6) * pool.length);
    out.push(pool.splice(k, 1)[0]!);
  }
  return out;
};
