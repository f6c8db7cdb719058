import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCordeau } from '../../server/src/taxi/solver/parse-cordeau.js';
import { solveStatic } from '../../server/src/taxi/solver/solve-static.js';
import { createBestBoard, shareBest } from './share-best.js';

const A2_16 = parseCordeau(readFileSync('/work/shared/bench/darp/instances/a2-16', 'utf8')).problem;

describe('shareBest (best-solution board of parallel searches)', () => {
  it('hands a better published solution to the weaker search once, and never a worse one', () => {
    const good = solveStatic(A2_16, { seed: 1, now: () => 0, maxIterations: 300 });
    const poor = solveStatic(A2_16, { seed: 2, now: () => 0, maxIterations: 0 });
    expect(good.cost).toBeLessThan(poor.cost);
    const board = createBestBoard();
    const a = shareBest(board, A2_16);
    const b = shareBest(board, A2_16);
    expect(a(good)).toBeUndefined(); // published
    const got = b(poor);
    expect(got?.routes).toEqual(good.routes);
    expect(got?.cost).toBeCloseTo(good.cost, 9);
    expect(b(poor)).toBeUndefined(); // already adopted this version
    expect(b(poor)).toBeUndefined();
    expect(a(good)).toBeUndefined(); // its own solution is not handed back
    const c = shareBest(board, A2_16);
    expect(c(good)).toBeUndefined(); // equal cost: nothing to gain
  });

  it('lets the search restart from a shared solution and still return a feasible best', () => {
    const good = solveStatic(A2_16, { seed: 1, now: () => 0, maxIterations: 300 });
    const board = createBestBoard();
    shareBest(board, A2_16)(good);
    let t = 0;
    const s = solveStatic(A2_16, {
      seed: 5,
      now: () => (t += 1),
      timeLimitMs: 200,
      exchange: shareBest(board, A2_16),
      exchangeEveryMs: 10,
    });
    expect(s.unassigned).toEqual([]);
    expect(s.cost).toBeLessThanOrEqual(good.cost + 1e-9);
  });
});
