import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { taxiBookings, vehicles } from '../../../db/src/schema';
import { tokyoDate } from '../lib/tokyo';
import { LIVE_STATUSES, loadDispatchDay, writeBackPlan } from './load-dispatch-day';
import { reoptimizePlan } from './solver/index';
import { getTaxiSettings } from './taxi-settings';

/**
 * The re-optimisation between bookings: for every area with live rides today, rebuild the plan
 * from the database, improve it (large-neighbourhood search inside every promise, vehicles keep
 * their next stop) and store the new vehicles and planned times. Synchronous from read to write,
 * so no booking can interleave; bookings themselves answer straight after insertion.
 */
export async function improveTaxiPlans(db: Db, now: Date): Promise<{ areas: number }> {
  const s = await getTaxiSettings(db);
  if (s.improveMs <= 0) return { areas: 0 };
  const date = tokyoDate(now);
  const areaIds = (
    await db
      .selectDistinct({ areaId: vehicles.areaId })
      .from(taxiBookings)
      .innerJoin(vehicles, eq(vehicles.id, taxiBookings.vehicleId))
      .where(and(eq(taxiBookings.serviceDate, date), inArray(taxiBookings.status, [...LIVE_STATUSES])))
      .all()
  ).map((r) => r.areaId);
  for (const areaId of areaIds) {
    const day = await loadDispatchDay(db, s, areaId, date, now);
    reoptimizePlan(day.state, { seed: 1, clock: () => performance.now(), timeLimitMs: s.improveMs });
    await db.transaction(async (tx) => await writeBackPlan(tx, day));
  }
  return { areas: areaIds.length };
}
