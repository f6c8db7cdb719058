import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRoute, scheduleRoute } from './evaluate-route.js';
import { applyInsertion, findInsertion, type Insertion } from './find-insertion.js';
import { obeysTriangle } from './obeys-triangle.js';
import { randomProblem, scheduleViolations } from './testing/random-problem.js';
import type { Problem } from './types.js';

/** Every (pickup, delivery) position pair checked exactly: the reference for the screened search. */
function bruteForce(p: Problem, route: number[], locked: number, r: number): number {
  const base = evaluateRoute(p, 0, route);
  let best = Infinity;
  for (let i = locked; i <= route.length; i++) {
    for (let j = i; j <= route.length; j++) {
      const c = evaluateRoute(p, 0, applyInsertion(route, p, r, { delta: 0, pickupAt: i, deliveryAt: j }));
      if (c >= 0 && c - base < best) best = c - base;
    }
  }
  return best;
}

describe('findInsertion', () => {
  it.each([false, true])(
    'finds the same cheapest feasible insertion as trying every position, never before the locked prefix (metric %s)',
    (metric) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 7 }), (seed, k) => {
          const p = randomProblem(seed, k, 1);
          // the random problems are Euclidean, so the metric shortcuts are allowed on them
          if (metric) expect(obeysTriangle(p)).toBe(true);
          let route: number[] = [];
          const at: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
          for (let r = 0; r < k; r++) {
            const locked = Math.min(route.length, seed % 3);
            const expected = bruteForce(p, route, locked, r);
            const found = findInsertion(p, 0, route, locked, r, at, Infinity, metric);
            expect(found).toBe(expected < Infinity);
            if (!found) continue;
            expect(at.pickupAt).toBeGreaterThanOrEqual(locked);
            expect(at.delta).toBeCloseTo(expected, 9);
            const next = applyInsertion(route, p, r, at);
            expect(next.slice(0, locked)).toEqual(route.slice(0, locked));
            const s = scheduleRoute(p, 0, next);
            expect(s.feasible).toBe(true);
            expect(scheduleViolations(p, 0, next, s.start)).toEqual([]);
            route = next;
          }
          return true;
        }),
        { numRuns: 200 },
      );
    },
  );
});
