import type { LatLng } from '../solver/travel-table.js';
import { greatCircleKm } from '../travel/great-circle.js';

/** A GeoJSON linear ring: [lon, lat] positions, first = last (RFC 7946 §3.1.6). */
export type Ring = [number, number][];

const M_PER_DEG_LAT = 111_320;
/** Vertices of the polygon drawn around each anchor in place of a circle. */
const CIRCLE_VERTICES = 16;
/** 6 decimals ≈ 0.1 m: more precision than a zone needs, and stable text for the feed. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/**
 * Convex hull by Andrew's monotone chain, counter-clockwise, collinear points dropped. Written
 * here rather than taken from @turf/convex: it is 15 lines of a textbook algorithm, and turf's
 * convex pulls in a concave-hull library and its own GeoJSON types for this one call.
 */
export function convexHull(points: [number, number][]): [number, number][] {
  const pts = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
  if (pts.length < 3) return pts;
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The service zone of an area: the convex hull of its public anchors (hamlet centres and community
 * halls) widened by `radiusM` in every direction. Each anchor is replaced by a 16-gon drawn
 * *around* a circle of that radius (vertices at radius / cos(π/16)), so the zone contains every
 * point within `radiusM` of the hull. Counter-clockwise and closed, as RFC 7946 §3.1.6 asks of an
 * exterior ring; a convex ring never crosses itself, so it is also valid by OGC Simple Features.
 */
export function zoneRing(anchors: readonly LatLng[], radiusM: number): Ring {
  if (anchors.length === 0) throw new Error('a zone needs at least one anchor');
  const r = radiusM / Math.cos(Math.PI / CIRCLE_VERTICES);
  const pts: [number, number][] = [];
  for (const a of anchors) {
    const dLat = r / M_PER_DEG_LAT;
    const dLon = r / (M_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180));
    for (let i = 0; i < CIRCLE_VERTICES; i++) {
      const t = (2 * Math.PI * i) / CIRCLE_VERTICES;
      pts.push([round6(a.lng + dLon * Math.cos(t)), round6(a.lat + dLat * Math.sin(t))]);
    }
  }
  const hull = convexHull(pts);
  return [...hull, hull[0]!];
}

/**
 * How far the zone must reach past the hamlet centres so every registered household is inside:
 * the farthest household from its own hamlet's centre, plus a margin, at least `minM`, rounded up
 * to 100 m. Only this one distance leaves the database — the feed is public, and a hull drawn
 * through the households themselves would show where the outermost residents live.
 */
export function householdReachM(
  households: readonly { home: LatLng; hamletCentre: LatLng }[],
  minM = 1000,
  marginM = 200,
): number {
  const farthest = Math.max(0, ...households.map((h) => greatCircleKm(h.home, h.hamletCentre) * 1000));
  return Math.ceil(Math.max(minM, farthest + marginM) / 100) * 100;
}

/** Whether a point lies inside a ring (ray casting; points on an edge may go either way). */
export function ringContains(ring: Ring, p: LatLng): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Twice the signed area in degrees² (shoelace): positive when the ring runs counter-clockwise. */
export function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++)
    s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}
