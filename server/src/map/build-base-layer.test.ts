import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_HAMLETS } from '../../../db/src/seed/places';
import { BASE_SOURCE } from './base-source';
import { buildBaseLayer, serializeBaseLayer, simplify, smooth, type Point } from './build-base-layer';
import { BASE_LAYER_PATH } from './paths';

describe('offline base layer build', () => {
  it('the committed base-layer.json is exactly what the build makes of the source (run npm run build:map)', () => {
    expect(readFileSync(BASE_LAYER_PATH, 'utf8')).toBe(serializeBaseLayer(buildBaseLayer(BASE_SOURCE)));
  });

  it('draws roads, rivers, the lakes and names every demo hamlet', () => {
    const layer = buildBaseLayer(BASE_SOURCE);
    const kinds = new Set(layer.features.map((f) => f.properties.kind));
    for (const k of ['national_road', 'pref_road', 'river', 'stream', 'lake', 'hamlet', 'town'])
      expect(kinds).toContain(k);
    const names = layer.features.filter((f) => f.properties.kind === 'hamlet').map((f) => f.properties.name);
    expect(names).toEqual(DEMO_HAMLETS.map((h) => h.name));
    expect(layer.features.map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['国道152号', '三峰川', '美和湖']),
    );
    // every hamlet lies inside the layer's extent
    const [w, s, e, n] = layer.bbox;
    for (const h of DEMO_HAMLETS) {
      expect(h.lon).toBeGreaterThanOrEqual(w);
      expect(h.lon).toBeLessThanOrEqual(e);
      expect(h.lat).toBeGreaterThanOrEqual(s);
      expect(h.lat).toBeLessThanOrEqual(n);
    }
  });

  it('rounds coordinates to 5 decimals and keeps lines ending where they were traced to', () => {
    const layer = buildBaseLayer(BASE_SOURCE);
    const road = layer.features.find((f) => f.properties.name === '国道152号')!;
    expect(road.geometry.type).toBe('LineString');
    const coords = road.geometry.coordinates as Point[];
    const src = BASE_SOURCE.lines.find((l) => l.name === '国道152号')!.points;
    expect(coords[0]).toEqual(src[0]!.map((x) => Math.round(x * 1e5) / 1e5));
    expect(coords.at(-1)).toEqual(src.at(-1)!.map((x) => Math.round(x * 1e5) / 1e5));
    for (const [x, y] of coords) {
      expect(Math.round(x * 1e5) / 1e5).toBe(x);
      expect(Math.round(y * 1e5) / 1e5).toBe(y);
    }
  });

  it('smooth rounds corners but keeps the end points; a closed ring stays closed', () => {
    const line: Point[] = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    const s = smooth(line, 1);
    expect(s[0]).toEqual([0, 0]);
    expect(s.at(-1)).toEqual([1, 1]);
    expect(s).not.toContainEqual([1, 0]);
    const ring = smooth(
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ] as Point[],
      2,
      true,
    );
    expect(ring[0]).toEqual(ring.at(-1));
  });

  it('simplify drops points on a straight line and keeps a real bend', () => {
    expect(
      simplify(
        [
          [0, 0],
          [1, 0.000001],
          [2, 0],
        ],
        0.001,
      ),
    ).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(
      simplify(
        [
          [0, 0],
          [1, 1],
          [2, 0],
        ],
        0.001,
      ),
    ).toHaveLength(3);
  });
});
