import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleRoute } from './evaluate-route.js';
import { parseCordeau } from './parse-cordeau.js';
import { createRng } from './rng.js';
import { nearestRequests, pickRouteSubset, pickupTimeGuess } from './route-subset.js';
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

  it('lists for each request its g most related others (pickups and drop-offs near, similar time)', () => {
    const g = 6;
    const near = nearestRequests(G8_100, g);
    expect(nearestRequests(G8_100, g)).toBe(near);
    const n = G8_100.nodeCount;
    const guess = pickupTimeGuess(G8_100);
    const rel = (a: number, b: number): number => {
      const ra = G8_100.requests[a]!;
      const rb = G8_100.requests[b]!;
      return (
        G8_100.cost[ra.pickup * n + rb.pickup]! +
        G8_100.cost[ra.delivery * n + rb.delivery]! +
        Math.abs(guess[a]! - guess[b]!)
      );
    };
    for (let r = 0; r < 100; r++) {
      const row = [...near.subarray(r * g, (r + 1) * g)];
      expect(row).not.toContain(r);
      expect(new Set(row).size).toBe(g);
      const keys = row.map((x) => rel(r, x));
      expect(keys).toEqual([...keys].sort((x, y) => x - y));
      for (let x = 0; x < 100; x++) {
        if (x !== r && !row.includes(x)) expect(rel(r, x)).toBeGreaterThanOrEqual(keys[g - 1]!);
      }
    }
  });

  it('keeps every constraint with the granular relocate descent', () => {
    const s = solveStatic(G8_100, { seed: 9, now: () => 0, maxIterations: 40, granularRelocate: 8 });
    expect(s.unassigned).toEqual([]);
    s.routes.forEach((route, v) => {
      const sched = scheduleRoute(G8_100, v, route);
      expect(scheduleViolations(G8_100, v, route, sched.start)).toEqual([]);
    });
    expect(s.cost).toBeLessThan(start.cost);
  });
});
