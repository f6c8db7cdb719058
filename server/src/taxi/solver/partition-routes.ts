import type { PooledRoute } from './route-pool.js';

export interface PartitionResult {
  routes: PooledRoute[];
  cost: number;
}

export interface PartitionOptions {
  /** ends the branch and bound early (it is then a heuristic); polled every 1024 nodes */
  shouldStop?: () => boolean;
  /** subgradient steps for the Lagrangian bound (default 150) */
  subgradientSteps?: number;
}

/**
 * Lagrangian multipliers of "serve each request once" (the route-count limit kept): start from
 * each request's cheapest share of a route's cost, then subgradient steps (Held & Karp style,
 * step halved when the bound stalls). Returns the multipliers of the best bound found.
 */
function lagrangianPrices(
  routes: readonly PooledRoute[],
  requests: readonly number[],
  nReq: number,
  maxRoutes: number,
  upperBound: number,
  steps: number,
): Float64Array {
  const u = new Float64Array(nReq);
  u.fill(Infinity);
  for (const route of routes) {
    const s = route.cost / route.requests.length;
    for (const r of route.requests) if (s < u[r]!) u[r] = s;
  }
  const best = u.slice();
  let bestBound = -Infinity;
  let lambda = 2;
  let stall = 0;
  const rc = new Float64Array(routes.length);
  const pick: number[] = [];
  const g = new Float64Array(nReq);
  for (let step = 0; step < steps; step++) {
    let bound = 0;
    for (const r of requests) bound += u[r]!;
    // the `maxRoutes` most negative reduced costs
    pick.length = 0;
    for (let k = 0; k < routes.length; k++) {
      let s = routes[k]!.cost;
      for (const r of routes[k]!.requests) s -= u[r]!;
      rc[k] = s;
      if (s >= 0) continue;
      if (pick.length < maxRoutes) pick.push(k);
      else {
        let worst = 0;
        for (let h = 1; h < pick.length; h++) if (rc[pick[h]!]! > rc[pick[worst]!]!) worst = h;
        if (s < rc[pick[worst]!]!) pick[worst] = k;
      }
    }
    for (const k of pick) bound += rc[k]!;
    if (bound > bestBound + 1e-9) {
      bestBound = bound;
      best.set(u);
      stall = 0;
    } else if (++stall >= 10) {
      lambda /= 2;
      stall = 0;
    }
    for (const r of requests) g[r] = 1;
    for (const k of pick) for (const r of routes[k]!.requests) g[r] = g[r]! - 1;
    let norm = 0;
    for (const r of requests) norm += g[r]! * g[r]!;
    if (norm === 0 || lambda < 1e-4) break;
    const t = (lambda * Math.max(upperBound - bound, 1e-3 * Math.abs(upperBound))) / norm;
    for (const r of requests) u[r] = u[r]! + t * g[r]!;
  }
  return best;
}

/**
 * Set partitioning over a route pool (Parragh & Schmid 2013): the cheapest set of at most
 * `maxRoutes` pooled routes serving each of `requests` exactly once, cheaper than `upperBound`.
 * Depth-first branch and bound with a Lagrangian bound (prices u per request from
 * `lagrangianPrices`; any completion costs at least the prices of the requests left plus the most
 * negative reduced costs of as many routes as may still be added). It branches on the uncovered
 * request with the fewest pooled routes and tries routes by reduced cost, so a branch stops at
 * the first route that cannot beat the incumbent. Undefined when nothing cheaper was found.
 */
export function partitionRoutes(
  pool: readonly PooledRoute[],
  requests: readonly number[],
  maxRoutes: number,
  upperBound: number,
  opts: PartitionOptions = {},
): PartitionResult | undefined {
  const shouldStop = opts.shouldStop ?? (() => false);
  let nReq = 0;
  for (const r of requests) if (r + 1 > nReq) nReq = r + 1;
  const words = Math.max(1, Math.ceil(nReq / 32));
  const needed = new Uint8Array(nReq);
  for (const r of requests) needed[r] = 1;
  // only routes made of needed requests can be part of a partition
  const usable = pool.filter((route) => route.requests.every((r) => r < nReq && needed[r] === 1));
  const served = new Uint8Array(nReq);
  for (const route of usable) for (const r of route.requests) served[r] = 1;
  for (const r of requests) if (served[r] !== 1) return undefined;
  const u = lagrangianPrices(usable, requests, nReq, maxRoutes, upperBound, opts.subgradientSteps ?? 150);
  const reduced = usable.map((route) => {
    let s = route.cost;
    for (const r of route.requests) s -= u[r]!;
    return s;
  });
  // negSum[t]: sum of the t most negative reduced costs (a bound on what t more routes can save)
  const negatives = reduced.filter((x) => x < 0).sort((a, b) => a - b);
  const negSum = new Float64Array(maxRoutes + 1);
  for (let t = 1; t <= maxRoutes; t++) negSum[t] = negSum[t - 1]! + (negatives[t - 1] ?? 0);
  const byRequest: number[][] = Array.from({ length: nReq }, () => []);
  usable.forEach((route, k) => {
    for (const r of route.requests) byRequest[r]!.push(k);
  });
  for (const list of byRequest) list.sort((a, b) => reduced[a]! - reduced[b]!);
  const order = requests.slice().sort((a, b) => byRequest[a]!.length - byRequest[b]!.length);

  const covered = new Uint32Array(words);
  const chosen: number[] = [];
  let bestCost = upperBound - 1e-7;
  let best: number[] | undefined;
  let priceRest = 0;
  for (const r of requests) priceRest += u[r]!;
  let nodes = 0;
  let stopped = false;
  const isCovered = (r: number): boolean => (covered[r >>> 5]! & (1 << (r & 31))) !== 0;

  const dfs = (cost: number, from: number): void => {
    let at = from;
    while (at < order.length && isCovered(order[at]!)) at++;
    if (at === order.length) {
      if (cost < bestCost) {
        bestCost = cost;
        best = chosen.slice();
      }
      return;
    }
    const left = maxRoutes - chosen.length;
    if (left <= 0) return;
    // a completion with this route costs >= cost + priceRest + reduced + what left-1 routes save
    const base = cost + priceRest + negSum[left - 1]!;
    const list = byRequest[order[at]!]!;
    for (const k of list) {
      if (base + reduced[k]! >= bestCost) break;
      if ((++nodes & 1023) === 0 && shouldStop()) stopped = true;
      if (stopped) return;
      const route = usable[k]!;
      let clash = false;
      for (let w = 0; w < words; w++) {
        if ((route.bits[w]! & covered[w]!) !== 0) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      let gone = 0;
      for (let w = 0; w < words; w++) covered[w] = covered[w]! | route.bits[w]!;
      for (const r of route.requests) gone += u[r]!;
      priceRest -= gone;
      chosen.push(k);
      dfs(cost + route.cost, at + 1);
      chosen.pop();
      priceRest += gone;
      for (let w = 0; w < words; w++) covered[w] = covered[w]! & ~route.bits[w]!;
      if (stopped) return;
    }
  };
  dfs(0, 0);
  if (!best) return undefined;
  return { routes: best.map((k) => usable[k]!), cost: bestCost };
}
