import { scheduleRoute } from '../../server/src/taxi/solver/evaluate-route.js';
import type { CordeauInstance } from '../../server/src/taxi/solver/parse-cordeau.js';
import type { Solution } from '../../server/src/taxi/solver/solution.js';

export interface CheckerRoute {
  node: number;
  start: number;
}

/** Solution JSON in the format of /work/shared/bench/darp/check.mjs. */
export function toCheckerJson(inst: CordeauInstance, s: Solution): { routes: CheckerRoute[][] } {
  const routes: CheckerRoute[][] = [];
  s.routes.forEach((route, v) => {
    if (route.length === 0) return;
    const sched = scheduleRoute(inst.problem, v, route);
    if (!sched.feasible) throw new Error(`route ${v} is infeasible`);
    const nodes = [0, ...route, inst.endDepotId];
    routes.push(nodes.map((node, k) => ({ node, start: sched.start[k]! })));
  });
  return { routes };
}
