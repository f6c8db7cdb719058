import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { obeysTriangle } from './obeys-triangle.js';
import { parseCordeau } from './parse-cordeau.js';
import { createRoutePool, vehiclesAlike } from './route-pool.js';
import { solutionFromRoutes } from './solution-from-routes.js';
import { solveStatic } from './solve-static.js';

const A2_16 = parseCordeau(readFileSync('/work/shared/bench/darp/instances/a2-16', 'utf8')).problem;

describe('route pool and set partitioning in the static search', () => {
  it('keeps each distinct route once, with the requests it serves', () => {
    const pool = createRoutePool(A2_16);
    const route = [1, 17, 2, 18];
    pool.add(route, 10);
    pool.add(route.slice(), 10);
    pool.add([], 0);
    pool.add([2, 1, 17, 18], 12);
    expect(pool.routes.length).toBe(2);
    expect(pool.routes[0]!.requests).toEqual([0, 1]);
    expect(pool.routes[0]!.bits[0]).toBe(0b11);
  });

  it('knows when routes may change vehicles and when travel times are metric', () => {
    expect(vehiclesAlike(A2_16)).toBe(true);
    expect(
      vehiclesAlike({ ...A2_16, vehicles: [A2_16.vehicles[0]!, { ...A2_16.vehicles[1]!, capacity: 9 }] }),
    ).toBe(false);
    expect(obeysTriangle(A2_16)).toBe(true);
    const n = A2_16.nodeCount;
    const time = A2_16.time.slice();
    time[1 * n + 2] = time[1 * n + 3]! + A2_16.service[3]! + time[3 * n + 2]! + 5;
    expect(obeysTriangle({ ...A2_16, time })).toBe(false);
  });

  it('rebuilds a solution from pooled stop sequences, or refuses an infeasible one', () => {
    const s = solveStatic(A2_16, { seed: 3, now: () => 0, maxIterations: 100 });
    const again = solutionFromRoutes(A2_16, s.routes.filter((r) => r.length > 0).reverse());
    expect(again?.cost).toBeCloseTo(s.cost, 9);
    expect(again?.unassigned).toEqual([]);
    expect(solutionFromRoutes(A2_16, [[17, 1]])).toBeUndefined();
  });

  it('stays feasible and reproducible with set partitioning switched on', () => {
    const opts = {
      seed: 5,
      now: () => 0,
      maxIterations: 400,
      partitionEveryMs: 1,
      partitionEveryIterations: 50,
    };
    const parts: boolean[] = [];
    const a = solveStatic(A2_16, { ...opts, onPartition: (i) => parts.push(i.improved) });
    const b = solveStatic(A2_16, opts);
    expect(parts.length).toBe(7); // after iterations 50, 100, ..., 350
    expect(a.routes).toEqual(b.routes);
    expect(a.unassigned).toEqual([]);
    expect(solutionFromRoutes(A2_16, a.routes)?.cost).toBeCloseTo(a.cost, 9);
  });
});
