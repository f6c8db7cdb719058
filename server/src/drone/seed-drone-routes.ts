import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { dronePorts, hamlets } from '../../../db/src/schema';
import { systemActor } from '../lib/audit';
import { saveRoute } from './save-route';

/**
 * Demo routes: from the port to each hall along a bent line standing in for the river, at 60 m
 * (real routes come from the operator's survey). Feature seed listed in `server/src/demo/seed-demo.ts`.
 */
export async function seedDroneRoutes(db: Db, now: Date): Promise<void> {
  const port = await db.select().from(dronePorts).orderBy(asc(dronePorts.id)).get();
  if (!port) return;
  for (const h of await db.select().from(hamlets).orderBy(asc(hamlets.id)).all()) {
    const at = (f: number, bend: number) => ({
      lat: port.lat + (h.hallLat - port.lat) * f + bend * 0.002,
      lon: port.lon + (h.hallLon - port.lon) * f - bend * 0.002,
      altM: 60,
    });
    await saveRoute(
      db,
      h.id,
      { portId: port.id, takeoffAltM: 30, portAltAmslM: 820, waypoints: [at(0.33, 1), at(0.66, 1)] },
      systemActor,
      now,
    );
  }
}
