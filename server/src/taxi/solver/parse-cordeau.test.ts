import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCordeau } from './parse-cordeau.js';

const A2_16 = readFileSync('/work/shared/bench/darp/instances/a2-16', 'utf8');

/** The Cordeau-Laporte (2003) layout of the same instance: header 2n, no end-depot line. */
function toVariant(text: string): string {
  const lines = text.trim().split('\n');
  const h = lines[0]!.trim().split(/\s+/);
  h[1] = String(2 * Number(h[1]));
  return [h.join(' '), ...lines.slice(1, -1)].join('\n');
}

describe('parseCordeau', () => {
  it('reads the Cordeau (2006) layout', () => {
    const { problem, n, endDepotId } = parseCordeau(A2_16);
    expect(n).toBe(16);
    expect(endDepotId).toBe(33);
    expect(problem.vehicles).toHaveLength(2);
    expect(problem.vehicles[0]).toMatchObject({ start: 0, end: 33, capacity: 3, maxDuration: 480 });
    expect(problem.requests[0]).toEqual({ pickup: 1, delivery: 17, maxRide: 30 });
    expect(problem.load[1]).toBe(1);
    expect(problem.load[17]).toBe(-1);
    // node 1 is at (-1.198, -5.164), the depot at the origin: unrounded Euclidean distance
    expect(problem.time[0 * 34 + 1]).toBeCloseTo(Math.hypot(1.198, 5.164), 12);
    expect(problem.partner[1]).toBe(17);
    expect(problem.isPickup[1]).toBe(1);
    expect(problem.isPickup[17]).toBe(0);
  });

  it('reads the variant layout (2n in the header, end depot omitted) to the same problem', () => {
    const a = parseCordeau(A2_16).problem;
    const b = parseCordeau(toVariant(A2_16));
    expect(b.n).toBe(16);
    expect(b.problem.nodeCount).toBe(a.nodeCount);
    expect(Array.from(b.problem.time)).toEqual(Array.from(a.time));
    expect(Array.from(b.problem.late)).toEqual(Array.from(a.late));
    expect(b.problem.requests).toEqual(a.requests);
  });

  it('rejects malformed input with a clear message', () => {
    expect(() => parseCordeau('2 16 480 3')).toThrow(/too few lines/);
    expect(() => parseCordeau('2 1 480 3 30\n0 0 0 0 0 0 480\n1 1 1 3 1 0 100\n')).toThrow(/do not match/);
    expect(() => parseCordeau('2 1 480 3 30\n0 0 0 0 0 0 480\n5 1 1 3 1 0 100\n')).toThrow(/expected 1/);
  });
});
