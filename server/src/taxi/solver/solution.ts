import { checkRoute } from './check-route.js';
import type { Plan, Problem } from './types.js';

/** Mutable working solution used by the search: routes, their costs and who is where. */
export interface Solution {
  routes: number[][];
  locked: number[];
  routeCost: number[];
  /** route index per request, -1 when unassigned */
  routeOf: Int32Array;
  unassigned: number[];
  cost: number;
}

/** Builds a working solution from a plan; throws if a route is infeasible. */
export function solutionFromPlan(p: Problem, plan: Plan, pending: number[] = []): Solution {
  const routeOf = new Int32Array(p.requests.length).fill(-1);
  const routeCost: number[] = [];
  let cost = 0;
  plan.routes.forEach((route, v) => {
    const c = checkRoute(p, v, route);
    if (c < 0) throw new Error(`route of vehicle ${v} is infeasible`);
    routeCost.push(c);
    cost += c;
    for (const node of route) {
      const r = p.requestOf[node]!;
      if (r >= 0) routeOf[r] = v;
    }
  });
  return {
    routes: plan.routes.map((r) => r.slice()),
    locked: plan.locked.slice(),
    routeCost,
    routeOf,
    unassigned: pending.slice(),
    cost,
  };
}

export function emptySolution(p: Problem, requests: number[]): Solution {
  const k = p.vehicles.length;
  const routeCost = Array.from({ length: k }, (_, v) => checkRoute(p, v, []));
  return {
    routes: Array.from({ length: k }, () => []),
    locked: new Array<number>(k).fill(0),
    routeCost,
    routeOf: new Int32Array(p.requests.length).fill(-1),
    unassigned: requests.slice(),
    cost: routeCost.reduce((a, b) => a + Math.max(0, b), 0),
  };
}

/**
 * Copies a solution. Route arrays are shared: the solver never edits a route in place (every
 * change builds a new array and installs it with `setRoute` / `removeRequests`), so copying each
 * route on every ALNS iteration would only cost time.
 */
export function cloneSolution(s: Solution): Solution {
  return {
    routes: s.routes.slice(),
    locked: s.locked.slice(),
    routeCost: s.routeCost.slice(),
    routeOf: s.routeOf.slice(),
    unassigned: s.unassigned.slice(),
    cost: s.cost,
  };
}

/** Replaces one route, keeping costs and the request index consistent. */
export function setRoute(p: Problem, s: Solution, v: number, route: number[], cost: number): void {
  s.cost += cost - s.routeCost[v]!;
  s.routeCost[v] = cost;
  s.routes[v] = route;
  for (const node of route) {
    const r = p.requestOf[node]!;
    if (r >= 0) s.routeOf[r] = v;
  }
}

/**
 * Removes the given requests from their routes (they must be unlocked) and queues them.
 * Returns false when a shortened route became infeasible (possible only with travel times that
 * break the triangle inequality); the caller then discards this working copy.
 */
export function removeRequests(p: Problem, s: Solution, requests: number[]): boolean {
  const touched = new Set<number>();
  const drop = new Set<number>();
  for (const r of requests) {
    const v = s.routeOf[r]!;
    if (v < 0) continue;
    touched.add(v);
    drop.add(p.requests[r]!.pickup);
    drop.add(p.requests[r]!.delivery);
    s.routeOf[r] = -1;
    s.unassigned.push(r);
  }
  let ok = true;
  for (const v of touched) {
    const route = s.routes[v]!.filter((node) => !drop.has(node));
    const c = checkRoute(p, v, route);
    if (c < 0) ok = false;
    s.cost += c - s.routeCost[v]!;
    s.routeCost[v] = c;
    s.routes[v] = route;
  }
  return ok;
}

/** Requests that the search may move: those whose pickup lies after the locked prefix. */
export function movableRequests(p: Problem, s: Solution): number[] {
  const out: number[] = [];
  s.routes.forEach((route, v) => {
    for (let k = s.locked[v]!; k < route.length; k++) {
      const r = p.requestOf[route[k]!]!;
      if (r >= 0 && p.requests[r]!.pickup === route[k]) out.push(r);
    }
  });
  return out;
}

/** Search objective: unassigned requests dominate distance. */
export function objective(s: Solution, penalty: number): number {
  return s.cost + penalty * s.unassigned.length;
}

export function solutionToPlan(s: Solution): Plan {
  return { routes: s.routes.map((r) => r.slice()), locked: s.locked.slice() };
}
