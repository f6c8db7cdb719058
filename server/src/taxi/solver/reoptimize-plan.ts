import type { DispatchState } from './dispatch-types.js';
import { improveSolution, type SearchStats } from './improve-solution.js';
import { liveProblem } from './live-problem.js';
import { solutionFromPlan } from './solution.js';

export interface ReoptimizeOptions {
  seed: number;
  /** injected monotonic clock in ms for the time limit */
  clock: () => number;
  timeLimitMs?: number;
  maxIterations?: number;
}

/**
 * Improves the live plan between bookings (ALNS). Locked stops stay put and every request keeps
 * the windows it was promised, so the result never breaks a promise; the plan is only replaced
 * when it got cheaper. Returns the vehicle-km saved.
 */
export function reoptimizePlan(state: DispatchState, opts: ReoptimizeOptions, stats?: SearchStats): number {
  const { problem } = liveProblem(state);
  const start = solutionFromPlan(problem, state.plan);
  const best = improveSolution(
    problem,
    start,
    {
      seed: opts.seed,
      now: opts.clock,
      timeLimitMs: opts.timeLimitMs,
      maxIterations: opts.maxIterations,
      // a live day mostly needs polishing, not a restart from a distant plan
      startWorse: 0.01,
      maxRemove: 30,
      // relocating every request across a whole fleet costs far more than it finds during a live day
      polishWithin: -1,
    },
    stats,
  );
  if (best.unassigned.length > 0 || best.cost >= start.cost - 1e-9) return 0;
  state.plan = { routes: best.routes.map((r) => r.slice()), locked: state.plan.locked.slice() };
  return start.cost - best.cost;
}
