import { checkRoute } from './check-route.js';
import {
  applyInsertion,
  createRoutePrep,
  insertInto,
  prepareRoute,
  type Insertion,
  type RoutePrep,
} from './find-insertion.js';
import type { Rng } from './rng.js';
import { nearestRequests } from './route-subset.js';
import { movableRequests, setRoute, type Solution } from './solution.js';
import type { Problem } from './types.js';

// Scratch memory reused across calls (the solver is single-threaded per isolate).
let lowerBound = new Float64Array(0);
let boundAt = new Int32Array(0);
let costWithout = new Float64Array(0);
let gainAt = new Int32Array(0);
let version = new Int32Array(0);
let epoch = 0;
// Routes are never edited in place, so a route array is a version: what was learnt about it stays
// true for as long as the array lives, also across calls (an ALNS iteration keeps most routes).
let idOf = new WeakMap<number[], number>();
let lastProblem: Problem | undefined;
let lastLocked: number[] = [];
// per vehicle: its route prepared for insertions, and the id of the route that was prepared
const preps: RoutePrep[] = [];
let prepOf = new Int32Array(0);
const ownPrep = createRoutePrep();

function routeId(route: number[]): number {
  let id = idOf.get(route);
  if (id === undefined) {
    id = ++epoch;
    idOf.set(route, id);
  }
  return id;
}

function ensure(cells: number, requests: number, routes: number): void {
  if (lowerBound.length < cells) {
    lowerBound = new Float64Array(cells);
    boundAt = new Int32Array(cells);
  }
  if (costWithout.length < requests) {
    costWithout = new Float64Array(requests);
    gainAt = new Int32Array(requests);
  }
  if (version.length < routes) {
    version = new Int32Array(routes);
    prepOf = new Int32Array(routes);
  }
  while (preps.length < routes) preps.push(createRoutePrep());
}

/** The route without one request's two stops. */
function dropRequest(route: number[], pickup: number, delivery: number): number[] {
  return route.filter((node) => node !== pickup && node !== delivery);
}

/**
 * Local search: move single requests to their cheapest feasible place (any route, any positions)
 * while that lowers the total cost. Returns the number of moves made.
 *
 * A move changes two routes only, so what was learnt about the others stays true: per request it
 * remembers the cost of its route without it, and per request and route a lower bound on the cost of inserting it
 * there (exact when an insertion was found, else the limit nothing was found under). Both are
 * tagged with the route's version; later passes only search where a route changed.
 */
export function relocateDescent(
  p: Problem,
  s: Solution,
  rng: Rng,
  shouldStop: () => boolean = () => false,
  maxPasses = 3,
  metric = false,
  granular = 0,
): number {
  const K = s.routes.length;
  const nR = p.requests.length;
  ensure(nR * K, nR, K);
  // what was learnt holds for one problem and one set of locked prefixes
  if (p !== lastProblem || s.locked.some((l, v) => l !== lastLocked[v])) {
    idOf = new WeakMap();
    lastProblem = p;
    lastLocked = s.locked.slice();
  }
  for (let v = 0; v < K; v++) version[v] = routeId(s.routes[v]!);
  // granular: a request is tried only in its own route and in the routes of its `granular`
  // most related requests (0 = every route)
  const near = granular > 0 ? nearestRequests(p, granular) : undefined;
  const allowed = new Int32Array(K).fill(-1);
  const at: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
  const best: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
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
      let without: number[] | null = null;
      if (gainAt[r] !== version[v]) {
        without = dropRequest(old, req.pickup, req.delivery);
        costWithout[r] = checkRoute(p, v, without);
        gainAt[r] = version[v]!;
      }
      const withoutCost = costWithout[r]!;
      if (withoutCost < 0) continue;
      const gain = s.routeCost[v]! - withoutCost;
      let bestV = -1;
      let bestDelta = gain - 1e-7;
      if (near) {
        allowed[v] = r;
        for (let k = r * granular; k < (r + 1) * granular; k++) {
          const x = near[k]!;
          if (x >= 0 && s.routeOf[x]! >= 0) allowed[s.routeOf[x]!] = r;
        }
      }
      for (let u = 0; u < K; u++) {
        if (near && allowed[u] !== r) continue;
        const cell = r * K + u;
        // known: nothing cheaper than the bound in this (unchanged) route
        if (boundAt[cell] === version[u] && lowerBound[cell]! >= bestDelta) continue;
        let prep: RoutePrep;
        if (u === v) {
          if (!without) without = dropRequest(old, req.pickup, req.delivery);
          prep = prepareRoute(p, u, without, ownPrep);
        } else {
          prep = preps[u]!;
          if (prepOf[u] !== version[u]) {
            prepareRoute(p, u, s.routes[u]!, prep);
            prepOf[u] = version[u]!;
          }
        }
        boundAt[cell] = version[u]!;
        if (insertInto(p, prep, s.locked[u]!, r, at, bestDelta, metric)) {
          lowerBound[cell] = at.delta;
          bestDelta = at.delta;
          bestV = u;
          best.delta = at.delta;
          best.pickupAt = at.pickupAt;
          best.deliveryAt = at.deliveryAt;
        } else lowerBound[cell] = bestDelta;
      }
      if (bestV < 0) continue;
      if (!without) without = dropRequest(old, req.pickup, req.delivery);
      const next = applyInsertion(bestV === v ? without : s.routes[bestV]!, p, r, best);
      const c = checkRoute(p, bestV, next);
      if (c < 0) continue;
      if (bestV !== v) {
        setRoute(p, s, v, without, withoutCost);
        version[v] = routeId(without);
      }
      setRoute(p, s, bestV, next, c);
      version[bestV] = routeId(next);
      moves++;
      improved = true;
    }
    if (!improved) break;
  }
  return moves;
}
