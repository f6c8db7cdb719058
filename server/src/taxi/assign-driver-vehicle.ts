import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { driverVehicles, staffUsers, vehicles } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';

/** Which vehicle a driver drives; drivers choose on the tablet, staff may assign. */
export function getDriverVehicleId(db: DbOrTx, staffId: number): number | null {
  return db.select().from(driverVehicles).where(eq(driverVehicles.staffId, staffId)).get()?.vehicleId ?? null;
}

export function assignDriverVehicle(
  db: DbOrTx,
  staffId: number,
  vehicleId: number,
  actor: Actor,
  now: Date,
): void {
  const staff = db.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
  if (!staff) throw notFound('Staff user');
  if (staff.role !== 'driver') throw unprocessable('not_a_driver', 'Only drivers drive vehicles');
  if (!db.select().from(vehicles).where(eq(vehicles.id, vehicleId)).get()) throw notFound('Vehicle');
  db.insert(driverVehicles)
    .values({ staffId, vehicleId, updatedAt: now })
    .onConflictDoUpdate({ target: driverVehicles.staffId, set: { vehicleId, updatedAt: now } })
    .run();
  recordAudit(db, now, actor, 'taxi.driver.vehicle', 'staff_user', staffId, { vehicleId });
}
