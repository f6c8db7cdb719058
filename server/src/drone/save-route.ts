import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/src';
import { dronePorts, droneRoutes, droneRouteWaypoints, hamlets } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import { routeLengthM } from './route/route-length';

export const RouteInput = z.object({
  portId: z.number().int().positive(),
  takeoffAltM: z.number().min(5).max(150).default(30),
  portAltAmslM: z.number().min(-100).max(4000).default(800),
  /** Points between the port and the hall, in flying order (river routes avoid houses). */
  waypoints: z
    .array(
      z.object({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        altM: z.number().min(5).max(150),
      }),
    )
    .max(200),
});
export type RouteInput = z.input<typeof RouteInput>;

/** Replaces a landing site's route; its length (port → waypoints → hall) drives flight times. */
export async function saveRoute(db: Db, hamletId: number, raw: RouteInput, actor: Actor, now: Date) {
  const input = RouteInput.parse(raw);
  return await db.transaction(async (tx) => {
    const hall = await tx.select().from(hamlets).where(eq(hamlets.id, hamletId)).get();
    if (!hall) throw notFound('Landing site');
    const port = await tx.select().from(dronePorts).where(eq(dronePorts.id, input.portId)).get();
    if (!port) throw unprocessable('unknown_port', 'Unknown drone port');
    const lengthM = routeLengthM([port, ...input.waypoints, { lat: hall.hallLat, lon: hall.hallLon }]);
    const values = {
      portId: port.id,
      takeoffAltM: input.takeoffAltM,
      portAltAmslM: input.portAltAmslM,
      lengthM,
      updatedAt: now,
    };
    const route = await tx
      .insert(droneRoutes)
      .values({ hamletId, ...values })
      .onConflictDoUpdate({ target: droneRoutes.hamletId, set: values })
      .returning({ id: droneRoutes.id })
      .get();
    await tx.delete(droneRouteWaypoints).where(eq(droneRouteWaypoints.routeId, route.id)).run();
    if (input.waypoints.length > 0) {
      await tx
        .insert(droneRouteWaypoints)
        .values(input.waypoints.map((w, i) => ({ routeId: route.id, seq: i + 1, ...w })))
        .run();
    }
    await recordAudit(tx, now, actor, 'drone.route.saved', 'drone_route', route.id, {
      hamletId,
      lengthM: Math.round(lengthM),
    });
    return { id: route.id, hamletId, lengthM: Math.round(lengthM), waypoints: input.waypoints.length };
  });
}

export async function loadRoute(db: DbOrTx, hamletId: number) {
  const row = await db
    .select({ route: droneRoutes, port: dronePorts, hamlet: hamlets })
    .from(droneRoutes)
    .innerJoin(dronePorts, eq(dronePorts.id, droneRoutes.portId))
    .innerJoin(hamlets, eq(hamlets.id, droneRoutes.hamletId))
    .where(eq(droneRoutes.hamletId, hamletId))
    .get();
  if (!row) throw notFound('Route');
  const waypoints = await db
    .select()
    .from(droneRouteWaypoints)
    .where(eq(droneRouteWaypoints.routeId, row.route.id))
    .orderBy(asc(droneRouteWaypoints.seq))
    .all();
  return { ...row, waypoints };
}
