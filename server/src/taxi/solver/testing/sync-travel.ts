import { greatCircleTable } from '../../travel/great-circle.js';
import type { NewPointsTravel } from '../book-ride.js';
import { liveSlots, type LatLng, type TravelRows, type TravelTable } from '../travel-table.js';

const ROAD = { roadFactor: 1.3, speedKmh: 30 };

/** Same as travel/travelRowsFor with the great-circle model, but synchronous (for tests). */
export function syncTravel(table: TravelTable, points: LatLng[]): NewPointsTravel {
  const targets = liveSlots(table);
  const targetPts = targets.map((s) => table.points[s]!);
  const from = greatCircleTable(ROAD, points, [...targetPts, ...points]);
  const to = greatCircleTable(ROAD, targetPts, points);
  return {
    targets,
    rows: {
      fromNew: points.map((_, k) => ({ minutes: from.minutes[k]!, km: from.km[k]! })),
      toNew: points.map((_, k) => ({ minutes: to.minutes.map((r) => r[k]!), km: to.km.map((r) => r[k]!) })),
    },
  };
}

export function syncDepotRows(points: LatLng[]): TravelRows {
  const m = greatCircleTable(ROAD, points, points);
  return {
    fromNew: points.map((_, k) => ({ minutes: m.minutes[k]!, km: m.km[k]! })),
    toNew: points.map(() => ({ minutes: [], km: [] })),
  };
}
