import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import { driverVehicles, staffUsers, vehicles } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound, unprocessable } from '../lib/errors';

/** Which vehicle a driver holds; drivers choose on the tablet, an admin may reassign. */
export function getDriverVehicleId(db: DbOrTx, staffId: number): number | null {
  return db.select().from(driverVehicles).where(eq(driverVehicles.staffId, staffId)).get()?.vehicleId ?? null;
}

/** The driver holding each vehicle now (vehicle id → driver). */
export function vehicleHolders(db: DbOrTx): Map<number, { staffId: number; name: string }> {
  const rows = db
    .select({ vehicleId: driverVehicles.vehicleId, staffId: driverVehicles.staffId, name: staffUsers.name })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .all();
  return new Map(rows.map((r) => [r.vehicleId, { staffId: r.staffId, name: r.name }]));
}

/**
 * A driver takes a vehicle (and hands back the one they held). While another driver holds it the
 * take is refused (409): their rides, and the manifest on their tablet, would pass to someone who
 * is not driving it. Only an admin's reassignment (`reassign`) takes a vehicle from its holder.
 */
export function assignDriverVehicle(
  db: Db,
  staffId: number,
  vehicleId: number,
  actor: Actor,
  now: Date,
  opts: { reassign?: boolean } = {},
): void {
  db.transaction((tx) => {
    const staff = tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
    if (!staff) throw notFound('Staff user');
    if (staff.role !== 'driver') throw unprocessable('not_a_driver', 'Only drivers drive vehicles');
    const vehicle = tx.select().from(vehicles).where(eq(vehicles.id, vehicleId)).get();
    if (!vehicle) throw notFound('Vehicle');
    const holder = tx
      .select({ staffId: driverVehicles.staffId, name: staffUsers.name })
      .from(driverVehicles)
      .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
      .where(and(eq(driverVehicles.vehicleId, vehicleId), ne(driverVehicles.staffId, staffId)))
      .get();
    if (holder && !opts.reassign) {
      throw conflict(
        'vehicle_in_use',
        `${vehicle.name}は${holder.name}さんが運転中です。返却されてから選ぶか、管理者に割り当てを頼んでください。`,
      );
    }
    if (holder) {
      tx.delete(driverVehicles).where(eq(driverVehicles.staffId, holder.staffId)).run();
      recordAudit(tx, now, actor, 'taxi.driver.vehicle_taken_back', 'staff_user', holder.staffId, {
        vehicleId,
      });
    }
    tx.insert(driverVehicles)
      .values({ staffId, vehicleId, updatedAt: now })
      .onConflictDoUpdate({ target: driverVehicles.staffId, set: { vehicleId, updatedAt: now } })
      .run();
    recordAudit(tx, now, actor, 'taxi.driver.vehicle', 'staff_user', staffId, { vehicleId });
  });
}

/** The driver hands their vehicle back, so another driver may take it. Harmless when none is held. */
export function handBackVehicle(db: Db, staffId: number, actor: Actor, now: Date): void {
  db.transaction((tx) => {
    const held = getDriverVehicleId(tx, staffId);
    if (held === null) return;
    tx.delete(driverVehicles).where(eq(driverVehicles.staffId, staffId)).run();
    recordAudit(tx, now, actor, 'taxi.driver.vehicle_returned', 'staff_user', staffId, { vehicleId: held });
  });
}
