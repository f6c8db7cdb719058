import type { BaseSource } from './base-source';

/**
 * Turns the hand-authored source into the layer the map loads: lines are smoothed (a traced
 * polyline reads as a river or a mountain road only once its corners are rounded), then simplified
 * back to what is visible at street zoom, and coordinates are rounded to 5 decimals (about 1 m), so
 * the file stays small and its bytes are stable from build to build.
 */
export type Point = [number, number];

export interface BaseLayer {
  type: 'FeatureCollection';
  bbox: [number, number, number, number];
  features: {
    type: 'Feature';
    properties: { kind: string; name: string; ref?: string };
    geometry:
      | { type: 'LineString'; coordinates: Point[] }
      | { type: 'Polygon'; coordinates: Point[][] }
      | { type: 'Point'; coordinates: Point };
  }[];
}

/** Chaikin corner cutting; the end points stay where they are (a road still reaches its hamlet). */
export function smooth(points: Point[], rounds = 2, closed = false): Point[] {
  let pts = points;
  for (let r = 0; r < rounds; r++) {
    const out: Point[] = closed ? [] : [pts[0]!];
    const n = pts.length - 1;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = pts[i]!;
      const [bx, by] = pts[i + 1]!;
      out.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by]);
      out.push([0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
    }
    if (closed) out.push(out[0]!);
    else out.push(pts[pts.length - 1]!);
    pts = out;
  }
  return pts;
}

function distToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

/** Douglas–Peucker: drops points closer than `tolerance` (degrees) to the line they sit on. */
export function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  let worst = 0;
  let at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = distToSegment(points[i]!, points[0]!, points[points.length - 1]!);
    if (d > worst) {
      worst = d;
      at = i;
    }
  }
  if (worst <= tolerance) return [points[0]!, points[points.length - 1]!];
  const left = simplify(points.slice(0, at + 1), tolerance);
  const right = simplify(points.slice(at), tolerance);
  return [...left.slice(0, -1), ...right];
}

const round = (p: Point): Point => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

/** About 3 m in this valley: finer than a pixel at zoom 16. */
export const TOLERANCE = 0.00003;

export function buildBaseLayer(source: BaseSource): BaseLayer {
  const features: BaseLayer['features'] = [];
  for (const a of source.areas)
    features.push({
      type: 'Feature',
      properties: { kind: a.kind, name: a.name },
      geometry: { type: 'Polygon', coordinates: [simplify(smooth(a.ring, 2, true), TOLERANCE).map(round)] },
    });
  for (const l of source.lines)
    features.push({
      type: 'Feature',
      properties: l.ref ? { kind: l.kind, name: l.name, ref: l.ref } : { kind: l.kind, name: l.name },
      geometry: { type: 'LineString', coordinates: simplify(smooth(l.points), TOLERANCE).map(round) },
    });
  for (const p of source.labels)
    features.push({
      type: 'Feature',
      properties: { kind: p.kind, name: p.name },
      geometry: { type: 'Point', coordinates: round([p.lon, p.lat]) },
    });
  const all = [
    ...source.lines.flatMap((l) => l.points),
    ...source.areas.flatMap((a) => a.ring),
    ...source.labels.map((p): Point => [p.lon, p.lat]),
  ];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  return {
    type: 'FeatureCollection',
    bbox: [...round([Math.min(...xs), Math.min(...ys)]), ...round([Math.max(...xs), Math.max(...ys)])] as [
      number,
      number,
      number,
      number,
    ],
    features,
  };
}

/** The committed file's exact text: one feature per line, so a change to the source diffs readably. */
export function serializeBaseLayer(layer: BaseLayer): string {
  const head = JSON.stringify({ type: layer.type, bbox: layer.bbox });
  const body = layer.features.map((f) => JSON.stringify(f)).join(',\n');
  return `${head.slice(0, -1)},"features":[\n${body}\n]}\n`;
}
