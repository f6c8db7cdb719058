import { improveSolution, type SearchOptions, type SearchStats } from './improve-solution.js';
import { repairRegret } from './repair-regret.js';
import { createRng } from './rng.js';
import { emptySolution, type Solution } from './solution.js';
import type { Problem } from './types.js';

/** Solves a static instance from scratch: regret-2 construction, then the ALNS. */
export function solveStatic(p: Problem, opts: SearchOptions, stats?: SearchStats): Solution {
  const t0 = opts.now();
  const all = p.requests.map((_, r) => r);
  const s = emptySolution(p, all);
  repairRegret(p, s, 2, createRng(opts.seed ^ 0x5bd1e995), 0);
  // the time limit covers the construction too (it takes a noticeable share on large instances)
  const timeLimitMs =
    opts.timeLimitMs === undefined ? undefined : Math.max(0, opts.timeLimitMs - (opts.now() - t0));
  return improveSolution(p, s, { ...opts, timeLimitMs }, stats);
}
