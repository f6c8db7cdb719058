import type { LatLng } from '../solver/travel-table.js';
import type { TravelMatrix, TravelProvider } from './types.js';

export interface RoadModel {
  /** road km per great-circle km (winding mountain roads are well above 1) */
  roadFactor: number;
  /** average door-to-door speed */
  speedKmh: number;
}

export interface Area extends RoadModel {
  name: string;
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface GreatCircleOptions extends RoadModel {
  /** first matching area (by the trip's origin) overrides the default road model */
  areas?: Area[];
}

const EARTH_KM = 6371.0088;

/** Haversine distance in km. */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function modelAt(o: GreatCircleOptions, p: LatLng): RoadModel {
  for (const a of o.areas ?? []) {
    if (p.lat >= a.south && p.lat <= a.north && p.lng >= a.west && p.lng <= a.east) return a;
  }
  return o;
}

/** Synchronous table: great-circle km x road factor, minutes = road km / speed. */
export function greatCircleTable(
  o: GreatCircleOptions,
  sources: LatLng[],
  destinations: LatLng[],
): TravelMatrix {
  const minutes: number[][] = [];
  const km: number[][] = [];
  for (const s of sources) {
    const m = modelAt(o, s);
    const rowM: number[] = [];
    const rowK: number[] = [];
    for (const d of destinations) {
      const road = greatCircleKm(s, d) * m.roadFactor;
      rowK.push(road);
      rowM.push((road / m.speedKmh) * 60);
    }
    minutes.push(rowM);
    km.push(rowK);
  }
  return { minutes, km };
}

/** The default provider: no network, works anywhere, configurable per area. */
export function createGreatCircleProvider(o: GreatCircleOptions): TravelProvider & {
  tableSync: (s: LatLng[], d: LatLng[]) => TravelMatrix;
} {
  if (!(o.roadFactor > 0) || !(o.speedKmh > 0)) throw new Error('roadFactor and speedKmh must be positive');
  return {
    table: (s, d) => Promise.resolve(greatCircleTable(o, s, d)),
    tableSync: (s, d) => greatCircleTable(o, s, d),
  };
}
