import type { NewPointsTravel } from '../solver/book-ride.js';
import { liveSlots, type LatLng, type TravelTable } from '../solver/travel-table.js';
import type { TravelProvider } from './types.js';

/**
 * Asks a provider for what the dispatcher needs before adding points: travel from the new points
 * to every live point and to each other, and from every live point to the new ones.
 */
export async function travelRowsFor(
  provider: TravelProvider,
  table: TravelTable,
  points: LatLng[],
): Promise<NewPointsTravel> {
  const targets = liveSlots(table);
  const targetPts = targets.map((s) => table.points[s]!);
  const from = await provider.table(points, [...targetPts, ...points]);
  const to = targetPts.length > 0 ? await provider.table(targetPts, points) : { minutes: [], km: [] };
  return {
    targets,
    rows: {
      fromNew: points.map((_, k) => ({ minutes: from.minutes[k]!, km: from.km[k]! })),
      toNew: points.map((_, k) => ({
        minutes: to.minutes.map((row) => row[k]!),
        km: to.km.map((row) => row[k]!),
      })),
    },
  };
}
