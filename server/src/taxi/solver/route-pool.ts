import type { Problem } from './types.js';

/** A distinct feasible route met during the search, with the requests it serves as a bit set. */
export interface PooledRoute {
  stops: number[];
  cost: number;
  /** bit r of word r >>> 5 is set when the route serves request r */
  bits: Uint32Array;
  requests: number[];
}

/**
 * Distinct routes met during a search (Parragh & Schmid 2013), keyed by stop sequence, for
 * `partitionRoutes` to recombine. Only meaningful when every vehicle is alike (same depots,
 * capacity and duration) and nothing is locked: then a route is feasible for any vehicle.
 */
export interface RoutePool {
  routes: PooledRoute[];
  /** adds a feasible route (cost from `checkRoute`); ignores empty, known or overflow routes */
  add(stops: number[], cost: number): void;
}

/** True when any route is feasible for any vehicle, so pooled routes may be reassigned freely. */
export function vehiclesAlike(p: Problem): boolean {
  const a = p.vehicles[0];
  if (!a) return false;
  return p.vehicles.every(
    (v) =>
      v.capacity === a.capacity &&
      v.maxDuration === a.maxDuration &&
      (v.start === a.start ||
        (p.early[v.start] === p.early[a.start] &&
          p.late[v.start] === p.late[a.start] &&
          sameRow(p, v.start, a.start))) &&
      (v.end === a.end ||
        (p.early[v.end] === p.early[a.end] && p.late[v.end] === p.late[a.end] && sameRow(p, v.end, a.end))),
  );
}

function sameRow(p: Problem, x: number, y: number): boolean {
  const n = p.nodeCount;
  for (let j = 0; j < n; j++) {
    if (p.time[x * n + j] !== p.time[y * n + j] || p.time[j * n + x] !== p.time[j * n + y]) return false;
    if (p.cost[x * n + j] !== p.cost[y * n + j] || p.cost[j * n + x] !== p.cost[j * n + y]) return false;
  }
  return p.service[x] === p.service[y];
}

export function createRoutePool(p: Problem, maxRoutes = 50_000): RoutePool {
  const words = Math.max(1, Math.ceil(p.requests.length / 32));
  const known = new Set<string>();
  const routes: PooledRoute[] = [];
  return {
    routes,
    add(stops, cost) {
      if (stops.length === 0 || routes.length >= maxRoutes) return;
      const key = stops.join(',');
      if (known.has(key)) return;
      known.add(key);
      const bits = new Uint32Array(words);
      const requests: number[] = [];
      for (const node of stops) {
        if (p.isPickup[node] !== 1) continue;
        const r = p.requestOf[node]!;
        bits[r >>> 5] = bits[r >>> 5]! | (1 << (r & 31));
        requests.push(r);
      }
      routes.push({ stops, cost, bits, requests });
    },
  };
}
