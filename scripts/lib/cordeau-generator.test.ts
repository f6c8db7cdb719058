import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCordeau } from '../../server/src/taxi/solver/parse-cordeau.js';
import { LARGE_SET, generateCordeau, largeName } from './cordeau-generator.js';
import { loadChecker } from './darp-checker.js';

describe('generateCordeau (Cordeau 2006 scheme, 10-minute windows, Q 3, L 90)', () => {
  it('regenerates every committed large instance byte for byte', () => {
    for (const spec of LARGE_SET) {
      const committed = readFileSync(
        new URL(`../../bench/darp-large/instances/${largeName(spec)}`, import.meta.url),
        'utf8',
      );
      expect(generateCordeau(spec)).toBe(committed);
    }
    expect(LARGE_SET.map((s) => s.requests)).toEqual([100, 105, 110, 115, 120, 130, 135, 140, 145, 150]);
  });

  it('follows the scheme: points in [-10,10]², depot at the centre, half outbound, half inbound windows', () => {
    const text = generateCordeau({ vehicles: 9, requests: 110, seed: 5 });
    const inst = parseCordeau(text);
    const p = inst.problem;
    expect(p.requests).toHaveLength(110);
    expect(p.vehicles).toHaveLength(9);
    expect(p.vehicles.every((v) => v.capacity === 3 && v.maxDuration === 720)).toBe(true);
    expect(p.requests.every((r) => r.maxRide === 90)).toBe(true);
    expect([inst.x[0], inst.y[0], p.early[0], p.late[0]]).toEqual([0, 0, 0, 720]);
    for (let i = 1; i <= 220; i++) {
      expect(Math.abs(inst.x[i]!)).toBeLessThanOrEqual(10);
      expect(Math.abs(inst.y[i]!)).toBeLessThanOrEqual(10);
      expect(p.service[i]).toBe(3);
    }
    p.requests.forEach((r, k) => {
      const tight = k < 55 ? r.delivery : r.pickup;
      const loose = k < 55 ? r.pickup : r.delivery;
      expect(p.late[tight]! - p.early[tight]!).toBe(10);
      expect(p.early[tight]).toBeGreaterThanOrEqual(60);
      expect(p.late[tight]).toBeLessThanOrEqual(720 - 50);
      expect([p.early[loose], p.late[loose]]).toEqual([0, 1440]);
    });
    expect(generateCordeau({ vehicles: 9, requests: 110, seed: 5 })).toBe(text);
    expect(generateCordeau({ vehicles: 9, requests: 110, seed: 6 })).not.toBe(text);
  });

  it('reads in the reference checker as the same instance', async () => {
    const check = await loadChecker();
    const text = generateCordeau({ vehicles: 8, requests: 100, seed: 3 });
    // an empty plan is unreadable as a solution of this instance only if the layout were wrong
    const verdict = check(text, JSON.stringify({ routes: [] }));
    expect(verdict.cost).toBe(0);
    expect(verdict.feasible).toBe(false);
    expect(verdict.violations.join(' ')).toMatch(/request|pickup|visited/i);
  });

  it('stores, for every large instance, a solution the reference checker accepts at its best-known cost', async () => {
    const check = await loadChecker();
    const dir = new URL('../../bench/darp-large/', import.meta.url);
    const best = JSON.parse(readFileSync(new URL('best-known.json', dir), 'utf8')) as Record<
      string,
      { cost: number }
    >;
    expect(Object.keys(best).sort()).toEqual(LARGE_SET.map(largeName).sort());
    for (const [name, { cost }] of Object.entries(best)) {
      const verdict = check(
        readFileSync(new URL(`instances/${name}`, dir), 'utf8'),
        readFileSync(new URL(`solutions/${name}.json`, dir), 'utf8'),
      );
      expect(verdict.violations).toEqual([]);
      expect(verdict.cost).toBeCloseTo(cost, 6);
    }
  });
});
