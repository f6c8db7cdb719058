import { improveSolution, type SearchOptions, type SearchStats } from './improve-solution.js';
import { obeysTriangle } from './obeys-triangle.js';
import { repairRegret } from './repair-regret.js';
import { createRng } from './rng.js';
import { createRoutePool, vehiclesAlike } from './route-pool.js';
import { emptySolution, type Solution } from './solution.js';
import type { Problem } from './types.js';

/**
 * Solves a static instance from scratch: regret-2 construction, then the ALNS. With alike vehicles
 * and `partitionEveryMs` or `partitionFinalMs` > 0 the search also recombines the routes it met
 * by set partitioning (off by default: it did not pay for its time at 10 s, see
 * docs/taxi-solver.md). Whether travel times are metric is checked here once (O(n^3)).
 */
export function solveStatic(p: Problem, opts: SearchOptions, stats?: SearchStats): Solution {
  const t0 = opts.now();
  const all = p.requests.map((_, r) => r);
  const metric = opts.metric ?? obeysTriangle(p);
  const s = emptySolution(p, all);
  repairRegret(p, s, 2, createRng(opts.seed ^ 0x5bd1e995), 0, metric);
  // the time limit covers the construction too (it takes a noticeable share on large instances)
  const timeLimitMs =
    opts.timeLimitMs === undefined ? undefined : Math.max(0, opts.timeLimitMs - (opts.now() - t0));
  const routePool =
    opts.routePool ??
    (((opts.partitionEveryMs ?? 0) > 0 || (opts.partitionFinalMs ?? 0) > 0) && vehiclesAlike(p)
      ? createRoutePool(p)
      : undefined);
  return improveSolution(p, s, { ...opts, timeLimitMs, routePool, metric }, stats);
}
