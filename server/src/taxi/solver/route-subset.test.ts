import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleRoute } from './evaluate-route.js';
import { parseCordeau } from './parse-cordeau.js';
import { createRng } from './rng.js';
import { pickRouteSubset } from './route-subset.js';
import { movableRequests } from './solution.js';
import { solveStatic } from './solve-static.js';
import { scheduleViolations } from './testing/random-problem.js';

const G8_100 = parseCordeau(
  readFileSync(new URL('../../../../bench/darp-large/instances/g8-100', import.meta.url), 'utf8'),
).problem;

describe('route-based decomposition', () => {
  const start = solveStatic(G8_100, { seed: 3, now: () => 0, maxIterations: 0 });

  it('picks the seed request route plus the m-1 routes nearest to it and returns exactly their requests', () => {
    const mask = new Uint8Array(8);
    const movable = movableRequests(G8_100, start);
    for (let seed = 1; seed <= 20; seed++) {
      const sub = pickRouteSubset(G8_100, start, movable, 3, createRng(seed), mask);
      const chosen = [...mask].flatMap((m, v) => (m ? [v] : []));
      const used = chosen.filter((v) => start.routes[v]!.length > 0);
      expect(used).toHaveLength(3);
      expect(new Set(sub)).toEqual(new Set(movable.filter((r) => mask[start.routeOf[r]!] === 1)));
    }
  });

  it('keeps every constraint and serves every request when most iterations are decomposed', () => {
    const s = solveStatic(G8_100, {
      seed: 5,
      now: () => 0,
      maxIterations: 60,
      decomposeShare: 0.9,
      decomposeRoutes: 3,
    });
    expect(s.unassigned).toEqual([]);
    expect(s.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    let total = 0;
    s.routes.forEach((route, v) => {
      const sched = scheduleRoute(G8_100, v, route);
      expect(scheduleViolations(G8_100, v, route, sched.start)).toEqual([]);
      total += sched.cost;
    });
    expect(total).toBeCloseTo(s.cost, 9);
    expect(s.cost).toBeLessThan(start.cost);
  });
});
