import { eq, sum } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { droneFlightRecords, droneMaintenanceRecords, drones } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { notFound } from '../lib/errors';
import { TokyoDateSchema } from '../lib/tokyo';

export const MaintenanceInput = z.object({
  date: TokyoDateSchema,
  place: z.string().trim().min(1).max(100),
  performedBy: z.string().trim().min(1).max(100),
  work: z.string().trim().min(1).max(1000),
  partsReplaced: z.string().max(500).default(''),
  reason: z.string().trim().min(1).max(500),
});
export type MaintenanceInput = z.input<typeof MaintenanceInput>;

/** 点検整備記録; the air time since certification is taken from the flight log at the moment of entry. */
export async function recordMaintenance(
  db: Db,
  droneId: number,
  raw: MaintenanceInput,
  actor: Actor,
  now: Date,
) {
  const input = MaintenanceInput.parse(raw);
  return await db.transaction(async (tx) => {
    if (!(await tx.select({ id: drones.id }).from(drones).where(eq(drones.id, droneId)).get()))
      throw notFound('Drone');
    const total = await tx
      .select({ total: sum(droneFlightRecords.flightSec) })
      .from(droneFlightRecords)
      .where(eq(droneFlightRecords.droneId, droneId))
      .get();
    const row = await tx
      .insert(droneMaintenanceRecords)
      .values({ ...input, droneId, totalAirTimeSec: Number(total?.total ?? 0), createdAt: now })
      .returning({ id: droneMaintenanceRecords.id })
      .get();
    await recordAudit(tx, now, actor, 'drone.maintenance', 'drone', droneId, { date: input.date });
    return { id: row.id };
  });
}
