import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleRoute } from './evaluate-route.js';
import { parseCordeau } from './parse-cordeau.js';
import { solveStatic } from './solve-static.js';
import { randomProblem, scheduleViolations } from './testing/random-problem.js';

const A2_16 = parseCordeau(readFileSync('/work/shared/bench/darp/instances/a2-16', 'utf8')).problem;

describe('solveStatic (construction + ALNS)', () => {
  it('serves every request of a2-16 with schedules that satisfy every constraint', () => {
    const s = solveStatic(A2_16, { seed: 7, now: () => 0, maxIterations: 300 });
    expect(s.unassigned).toEqual([]);
    const seen = s.routes.flat().sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    let total = 0;
    s.routes.forEach((route, v) => {
      const sched = scheduleRoute(A2_16, v, route);
      expect(sched.feasible).toBe(true);
      expect(scheduleViolations(A2_16, v, route, sched.start)).toEqual([]);
      total += sched.cost;
    });
    expect(total).toBeCloseTo(s.cost, 9);
  });

  it('is reproducible for a fixed seed and iteration budget, and the search improves on construction', () => {
    const a = solveStatic(A2_16, { seed: 11, now: () => 0, maxIterations: 200 });
    const b = solveStatic(A2_16, { seed: 11, now: () => 0, maxIterations: 200 });
    expect(a.routes).toEqual(b.routes);
    const construction = solveStatic(A2_16, { seed: 11, now: () => 0, maxIterations: 0 });
    expect(a.cost).toBeLessThanOrEqual(construction.cost);
  });

  it('stops at the time limit of the injected clock', () => {
    let t = 0;
    const stats = { iterations: 0, improvements: 0 };
    solveStatic(A2_16, { seed: 1, now: () => (t += 10), timeLimitMs: 100 }, stats);
    expect(stats.iterations).toBeLessThan(12);
  });

  it('leaves unserviceable requests unassigned instead of breaking a constraint', () => {
    const p = randomProblem(5, 8, 1);
    // make request 0 impossible: its delivery window closes before the pickup can be reached
    p.late[p.requests[0]!.delivery] = 0;
    const s = solveStatic(p, { seed: 1, now: () => 0, maxIterations: 50 });
    expect(s.unassigned).toContain(0);
    s.routes.forEach((route, v) => expect(scheduleRoute(p, v, route).feasible).toBe(true));
  });
});
