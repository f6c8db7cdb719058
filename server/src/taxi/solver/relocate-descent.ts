import { checkRoute } from './check-route.js';
import { applyInsertion, findInsertion, type Insertion } from './find-insertion.js';
import type { Rng } from './rng.js';
import { movableRequests, setRoute, type Solution } from './solution.js';
import type { Problem } from './types.js';

/**
 * Local search: move single requests to their cheapest feasible place (any route, any positions)
 * while that lowers the total cost. Cheap next to an ALNS iteration, and it polishes the solutions
 * the large moves leave slightly off. Returns the number of moves made.
 */
export function relocateDescent(
  p: Problem,
  s: Solution,
  rng: Rng,
  shouldStop: () => boolean = () => false,
  maxPasses = 3,
  metric = false,
): number {
  const at: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
  let moves = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const order = movableRequests(p, s);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rng() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const r of order) {
      if (shouldStop()) return moves;
      const v = s.routeOf[r]!;
      const req = p.requests[r]!;
      const old = s.routes[v]!;
      const without = old.filter((node) => node !== req.pickup && node !== req.delivery);
      const withoutCost = checkRoute(p, v, without);
      if (withoutCost < 0) continue;
      const gain = s.routeCost[v]! - withoutCost;
      let bestV = -1;
      let best: Insertion | null = null;
      let bestDelta = gain - 1e-7;
      for (let u = 0; u < s.routes.length; u++) {
        const route = u === v ? without : s.routes[u]!;
        if (findInsertion(p, u, route, s.locked[u]!, r, at, bestDelta, metric)) {
          bestDelta = at.delta;
          bestV = u;
          best = { ...at };
        }
      }
      if (bestV < 0 || !best) continue;
      if (bestV !== v) setRoute(p, s, v, without, withoutCost);
      const base = bestV === v ? without : s.routes[bestV]!;
      const next = applyInsertion(base, p, r, best);
      const c = checkRoute(p, bestV, next);
      if (c < 0) {
        if (bestV !== v) setRoute(p, s, v, old, gain + withoutCost);
        continue;
      }
      setRoute(p, s, bestV, next, c);
      moves++;
      improved = true;
    }
    if (!improved) break;
  }
  return moves;
}
