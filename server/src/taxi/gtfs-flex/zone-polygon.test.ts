import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../travel/great-circle';
import { convexHull, householdReachM, ringContains, signedArea2, zoneRing } from './zone-polygon';

const HASE = [
  { lat: 35.7601, lng: 138.0805 },
  { lat: 35.7712, lng: 138.0701 },
  { lat: 35.7372, lng: 138.0871 },
  { lat: 35.8207, lng: 138.0712 },
];

describe('convexHull', () => {
  it('keeps the corners, drops inner and collinear points, runs counter-clockwise', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 0],
      [2, 2],
      [0, 2],
      [1, 1],
      [0, 0],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
});

describe('zoneRing', () => {
  it('is closed and counter-clockwise (RFC 7946 §3.1.6)', () => {
    const ring = zoneRing(HASE, 1000);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(signedArea2(ring)).toBeGreaterThan(0);
  });

  it('contains every point within the radius of an anchor, and a single anchor gives a polygon', () => {
    const ring = zoneRing(HASE, 1000);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: HASE.length - 1 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 990, noNaN: true }),
        (i, angle, m) => {
          const a = HASE[i]!;
          const p = {
            lat: a.lat + (m * Math.sin(angle)) / 111_320,
            lng: a.lng + (m * Math.cos(angle)) / (111_320 * Math.cos((a.lat * Math.PI) / 180)),
          };
          expect(ringContains(ring, p)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 18 },
    );
    expect(zoneRing([HASE[0]!], 500).length).toBe(17);
    expect(ringContains(zoneRing(HASE, 1000), { lat: 35.9, lng: 138.0805 })).toBe(false);
  });
});

describe('householdReachM', () => {
  it('is the farthest household from its hamlet centre plus the margin, at least 1 km, in whole 100 m', () => {
    const centre = HASE[0]!;
    const far = { lat: centre.lat + 0.015, lng: centre.lng };
    const d = greatCircleKm(far, centre) * 1000; // ≈ 1668 m
    expect(householdReachM([{ home: far, hamletCentre: centre }])).toBe(Math.ceil((d + 200) / 100) * 100);
    expect(householdReachM([{ home: centre, hamletCentre: centre }])).toBe(1000);
    expect(householdReachM([])).toBe(1000);
  });
});
