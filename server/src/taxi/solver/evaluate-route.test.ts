import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProblem } from './build-problem.js';
import { evaluateRoute, scheduleRoute } from './evaluate-route.js';
import { randomProblem, scheduleViolations } from './testing/random-problem.js';

/** Depot 0/1 at x=0, requests along a line: node positions given by x coordinates. */
function lineProblem(xs: number[], windows: [number, number][], maxRide: number, capacity = 3) {
  const N = xs.length;
  const time = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) time[i * N + j] = Math.abs(xs[i]! - xs[j]!);
  const load = new Int32Array(N);
  const requests = [];
  for (let k = 2; k < N; k += 2) {
    load[k] = 1;
    load[k + 1] = -1;
    requests.push({ pickup: k, delivery: k + 1, maxRide });
  }
  return buildProblem({
    nodeCount: N,
    time,
    cost: time,
    early: Float64Array.from(windows.map((w) => w[0])),
    late: Float64Array.from(windows.map((w) => w[1])),
    service: new Float64Array(N),
    load,
    requests,
    vehicles: [{ start: 0, end: 1, capacity, maxDuration: 1000 }],
  });
}

describe('evaluateRoute', () => {
  it('delays the pickup so that an early pickup does not break the ride time', () => {
    // pickup at x=10 open from 0, delivery at x=20 only from 100: the earliest schedule would ride
    // 90 minutes; the eight-step procedure moves the waiting before the pickup.
    const p = lineProblem(
      [0, 0, 10, 20],
      [
        [0, 500],
        [0, 500],
        [0, 200],
        [100, 200],
      ],
      15,
    );
    const s = scheduleRoute(p, 0, [2, 3]);
    expect(s.feasible).toBe(true);
    expect(s.cost).toBe(40);
    expect(s.start[2]! - s.start[1]!).toBeLessThanOrEqual(15);
    expect(scheduleViolations(p, 0, [2, 3], s.start)).toEqual([]);
  });

  it('refuses a ride that cannot be short enough, capacity overflow, and a delivery before its pickup', () => {
    const tight = lineProblem(
      [0, 0, 10, 40],
      [
        [0, 500],
        [0, 500],
        [0, 200],
        [0, 200],
      ],
      20,
    );
    expect(evaluateRoute(tight, 0, [2, 3])).toBe(-1);
    const four = lineProblem([0, 0, 1, 9, 2, 9, 3, 9], Array(8).fill([0, 500]), 50, 2);
    expect(evaluateRoute(four, 0, [2, 4, 6, 3, 5, 7])).toBe(-1);
    expect(evaluateRoute(four, 0, [2, 4, 3, 6, 5, 7])).toBeGreaterThan(0);
    expect(evaluateRoute(four, 0, [3, 2])).toBe(-1);
  });

  it('returns schedules that satisfy every constraint, or refuses (random routes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 6 }), (seed, k) => {
        const p = randomProblem(seed, k, 1);
        // a random valid order: pickups in index order, each delivery somewhere after its pickup
        const route: number[] = [];
        for (let r = 0; r < k; r++) {
          const pk = p.requests[r]!.pickup;
          const at = seed % (route.length + 1);
          route.splice(at, 0, pk);
          const pos = route.indexOf(pk);
          route.splice(pos + 1 + ((seed >> r) % (route.length - pos)), 0, p.requests[r]!.delivery);
        }
        const s = scheduleRoute(p, 0, route);
        if (s.feasible) expect(scheduleViolations(p, 0, route, s.start)).toEqual([]);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
