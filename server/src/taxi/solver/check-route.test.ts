import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoute } from './check-route.js';
import { evaluateRoute } from './evaluate-route.js';
import { createRng } from './rng.js';
import { randomProblem, scheduleViolations } from './testing/random-problem.js';

/** A random order of the given requests' stops: each delivery after its pickup. */
function randomOrder(p: ReturnType<typeof randomProblem>, seed: number): number[] {
  const rng = createRng(seed);
  const route: number[] = [];
  for (const req of p.requests) {
    const at = Math.floor(rng() * (route.length + 1));
    route.splice(at, 0, req.pickup);
    route.splice(at + 1 + Math.floor(rng() * (route.length - at)), 0, req.delivery);
  }
  return route;
}

describe('checkRoute', () => {
  it('agrees with the eight-step evaluation on feasibility and cost, and its schedule keeps every constraint', () => {
    let feasible = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (seed, k, swap) => {
          const p = randomProblem(seed, k, 1);
          const route = randomOrder(p, seed);
          // sometimes break precedence on purpose
          if (swap && route.length > 1) [route[0], route[1]] = [route[1]!, route[0]!];
          const start: number[] = [];
          const got = checkRoute(p, 0, route, start);
          const want = evaluateRoute(p, 0, route);
          if (want < 0) {
            expect(got).toBe(-1);
            refused++;
          } else {
            expect(got).toBeCloseTo(want, 9);
            expect(scheduleViolations(p, 0, route, start)).toEqual([]);
            feasible++;
          }
        },
      ),
      { numRuns: 2000 },
    );
    // the random routes must exercise both answers
    expect(feasible).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
