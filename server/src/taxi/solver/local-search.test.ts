import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoute } from './check-route.js';
import { applyInsertion } from './find-insertion.js';
import { relocateDescent } from './relocate-descent.js';
import { repairRegret } from './repair-regret.js';
import { createRng } from './rng.js';
import { emptySolution, movableRequests, type Solution } from './solution.js';
import { emptyCuts, tailExchangeDescent } from './tail-exchange.js';
import { randomProblem, scheduleViolations } from './testing/random-problem.js';
import type { Problem } from './types.js';

/** A deliberately poor complete-as-possible start: noisy greedy insertion, some stops locked. */
function start(seed: number, requests: number, vehicles: number): { p: Problem; s: Solution } {
  const p = randomProblem(seed, requests, vehicles);
  const s = emptySolution(
    p,
    p.requests.map((_, r) => r),
  );
  repairRegret(p, s, 1, createRng(seed), 40);
  s.locked = s.routes.map((route) => Math.min(route.length, seed % 2));
  return { p, s };
}

/** Routes are feasible, costs add up, every request is where `routeOf` says, prefixes kept. */
function expectConsistent(p: Problem, s: Solution, before: Solution): void {
  let total = 0;
  s.routes.forEach((route, v) => {
    const c = checkRoute(p, v, route);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(s.routeCost[v]).toBeCloseTo(c, 9);
    const times: number[] = [];
    checkRoute(p, v, route, times);
    expect(scheduleViolations(p, v, route, times)).toEqual([]);
    expect(route.slice(0, before.locked[v])).toEqual(before.routes[v]!.slice(0, before.locked[v]));
    for (const node of route) if (p.requestOf[node]! >= 0) expect(s.routeOf[p.requestOf[node]!]).toBe(v);
    total += c;
  });
  expect(s.cost).toBeCloseTo(total, 6);
  const served = (x: Solution) => x.routes.flat().sort((a, b) => a - b);
  expect(served(s)).toEqual(served(before));
}

const snapshot = (s: Solution): Solution => ({
  ...s,
  routes: s.routes.map((r) => r.slice()),
  locked: s.locked.slice(),
});

describe('relocateDescent', () => {
  it('stops only where no single request can move to a cheaper place (checked by trying every place)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const { p, s } = start(seed, 7, 3);
        const before = snapshot(s);
        relocateDescent(p, s, createRng(seed), undefined, 50);
        expectConsistent(p, s, before);
        expect(s.cost).toBeLessThanOrEqual(before.cost + 1e-9);
        for (const r of movableRequests(p, s)) {
          const v = s.routeOf[r]!;
          const req = p.requests[r]!;
          const without = s.routes[v]!.filter((x) => x !== req.pickup && x !== req.delivery);
          const gain = s.routeCost[v]! - checkRoute(p, v, without);
          s.routes.forEach((other, u) => {
            const route = u === v ? without : other;
            const base = checkRoute(p, u, route);
            for (let i = s.locked[u]!; i <= route.length; i++) {
              for (let j = i; j <= route.length; j++) {
                const c = checkRoute(
                  p,
                  u,
                  applyInsertion(route, p, r, { delta: 0, pickupAt: i, deliveryAt: j }),
                );
                if (c >= 0) expect(c - base).toBeGreaterThan(gain - 1e-6);
              }
            }
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('tailExchangeDescent', () => {
  it('swaps route tails at empty points only when that is cheaper, and leaves no such swap behind', () => {
    let exchanged = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const { p, s } = start(seed, 8, 3);
        const before = snapshot(s);
        const once = tailExchangeDescent(p, s);
        exchanged += once;
        expectConsistent(p, s, before);
        expect(s.cost).toBeLessThanOrEqual(before.cost + 1e-9);
        // one call makes at most 5 passes: called until it finds nothing, no improving feasible
        // tail exchange is left
        for (let calls = 0; calls < 100 && tailExchangeDescent(p, s) > 0; calls++);
        expectConsistent(p, s, before);
        for (let a = 0; a < s.routes.length; a++) {
          for (let b = a + 1; b < s.routes.length; b++) {
            const A = s.routes[a]!;
            const B = s.routes[b]!;
            for (const i of emptyCuts(p, A, s.locked[a]!)) {
              for (const j of emptyCuts(p, B, s.locked[b]!)) {
                const ca = checkRoute(p, a, A.slice(0, i).concat(B.slice(j)));
                const cb = checkRoute(p, b, B.slice(0, j).concat(A.slice(i)));
                if (ca >= 0 && cb >= 0)
                  expect(ca + cb).toBeGreaterThan(s.routeCost[a]! + s.routeCost[b]! - 1e-6);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    // the random starts must give the descent something to do
    expect(exchanged).toBeGreaterThan(0);
  });
});
