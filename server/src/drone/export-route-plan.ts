import { max } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { drones } from '../../../db/src/schema';
import { toQgcPlan, type QgcPlan } from './route/to-qgc-plan';
import { loadRoute } from './save-route';

/** The site's route as a QGroundControl `.plan`, with a file name the operator recognises. */
export async function exportRoutePlan(
  db: DbOrTx,
  hamletId: number,
): Promise<{ fileName: string; plan: QgcPlan }> {
  const { route, port, hamlet, waypoints } = await loadRoute(db, hamletId);
  const speed =
    (
      await db
        .select({ v: max(drones.cruiseSpeedMps) })
        .from(drones)
        .get()
    )?.v ?? 12;
  const plan = toQgcPlan({
    home: { lat: port.lat, lon: port.lon, altAmslM: route.portAltAmslM },
    waypoints: waypoints.map((w) => ({ lat: w.lat, lon: w.lon, altM: w.altM })),
    landing: { lat: hamlet.hallLat, lon: hamlet.hallLon },
    takeoffAltM: route.takeoffAltM,
    cruiseSpeedMps: speed,
  });
  return { fileName: `route-${hamletId}.plan`, plan };
}
