import { checkRoute } from './check-route.js';
import type { Solution } from './solution.js';
import type { Problem } from './types.js';

/**
 * A solution from unassigned stop sequences (at most one per vehicle), given to vehicles in order;
 * the other vehicles stay idle. Undefined when a route is infeasible for its vehicle.
 */
export function solutionFromRoutes(p: Problem, stops: number[][]): Solution | undefined {
  const k = p.vehicles.length;
  if (stops.length > k) return undefined;
  const routeOf = new Int32Array(p.requests.length).fill(-1);
  const routes: number[][] = [];
  const routeCost: number[] = [];
  let cost = 0;
  for (let v = 0; v < k; v++) {
    const route = stops[v] ?? [];
    const c = checkRoute(p, v, route);
    if (c < 0) return undefined;
    routes.push(route);
    routeCost.push(c);
    cost += c;
    for (const node of route) if (p.isPickup[node] === 1) routeOf[p.requestOf[node]!] = v;
  }
  return { routes, locked: new Array<number>(k).fill(0), routeCost, routeOf, unassigned: [], cost };
}
