import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionRoutes } from './partition-routes.js';
import type { PooledRoute } from './route-pool.js';

function pooled(requests: number[], cost: number): PooledRoute {
  const bits = new Uint32Array(Math.max(1, Math.ceil((Math.max(...requests) + 1) / 32)));
  for (const r of requests) bits[r >>> 5] = bits[r >>> 5]! | (1 << (r & 31));
  return { stops: requests.flatMap((r) => [r + 1, r + 100]), cost, bits, requests };
}

/** Cheapest exact cover with at most k routes, by trying every subset of the pool. */
function bruteForce(pool: PooledRoute[], nReq: number, k: number): number {
  let best = Infinity;
  for (let mask = 1; mask < 1 << pool.length; mask++) {
    const count = new Array<number>(nReq).fill(0);
    let cost = 0;
    let used = 0;
    for (let i = 0; i < pool.length; i++) {
      if (!(mask & (1 << i))) continue;
      used++;
      cost += pool[i]!.cost;
      for (const r of pool[i]!.requests) count[r]!++;
    }
    if (used <= k && count.every((c) => c === 1) && cost < best) best = cost;
  }
  return best;
}

describe('partitionRoutes (set partitioning over a route pool)', () => {
  it('recombines routes of different solutions into a cheaper one', () => {
    // the two solutions cost 30 and 26 (same requests per route, other stop orders); their
    // better halves together cost 22
    const pool = [pooled([0, 1], 10), pooled([2, 3], 20), pooled([0, 1], 14), pooled([2, 3], 12)];
    const got = partitionRoutes(pool, [0, 1, 2, 3], 2, 26);
    expect(got?.cost).toBeCloseTo(22, 9);
    expect(got?.routes.flatMap((r) => r.requests).sort()).toEqual([0, 1, 2, 3]);
    expect(partitionRoutes(pool, [0, 1, 2, 3], 2, 22)).toBeUndefined();
  });

  it('respects the number of vehicles', () => {
    const pool = [pooled([0], 1), pooled([1], 1), pooled([2], 1), pooled([0, 1, 2], 5)];
    expect(partitionRoutes(pool, [0, 1, 2], 3, 100)?.cost).toBe(3);
    expect(partitionRoutes(pool, [0, 1, 2], 2, 100)?.cost).toBe(5);
  });

  it('finds the same optimum as trying every subset of a random pool', () => {
    const route = fc.record({
      requests: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
      cost: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(route, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (rs, k) => {
          const pool = rs.map((r) => pooled(r.requests, r.cost));
          const expected = bruteForce(pool, 7, k);
          const got = partitionRoutes(pool, [0, 1, 2, 3, 4, 5, 6], k, Infinity);
          if (expected === Infinity) expect(got).toBeUndefined();
          else {
            expect(got?.cost).toBeCloseTo(expected, 9);
            const served = got!.routes.flatMap((r) => r.requests).sort((a, b) => a - b);
            expect(served).toEqual([0, 1, 2, 3, 4, 5, 6]);
            expect(got!.routes.length).toBeLessThanOrEqual(k);
          }
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
