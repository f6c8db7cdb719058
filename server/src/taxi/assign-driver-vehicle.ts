import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import { driverVehicles, staffUsers, vehicles } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound, unprocessable } from '../lib/errors';

/** Which vehicle a driver holds; drivers choose on the tablet, an admin may reassign. */
export async function getDriverVehicleId(db: DbOrTx, staffId: number): Promise<number | null> {
  return (
    (await db.select().from(driverVehicles).where(eq(driverVehicles.staffId, staffId)).get())?.vehicleId ??
    null
  );
}

/** The driver holding each vehicle now (vehicle id → driver). */
export async function vehicleHolders(db: DbOrTx): Promise<Map<number, { staffId: number; name: string }>> {
  const rows = await db
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
export async function assignDriverVehicle(
  db: Db,
  staffId: number,
  vehicleId: number,
  actor: Actor,
  now: Date,
  opts: { reassign?: boolean } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const staff = await tx.select().from(staffUsers).where(eq(staffUsers.id, staffId)).get();
    if (!staff) throw notFound('Staff user');
    if (staff.role !== 'driver') throw unprocessable('not_a_driver', 'Only drivers drive vehicles');
    const vehicle = await tx.select().from(vehicles).where(eq(vehicles.id, vehicleId)).get();
    if (!vehicle) throw notFound('Vehicle');
    const holder = await tx
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
      await tx.delete(driverVehicles).where(eq(driverVehicles.staffId, holder.staffId)).run();
      await recordAudit(tx, now, actor, 'taxi.driver.vehicle_taken_back', 'staff_user', holder.staffId, {
        vehicleId,
      });
    }
    await tx
      .insert(driverVehicles)
      .values({ staffId, vehicleId, updatedAt: now })
      .onConflictDoUpdate({ target: driverVehicles.staffId, set: { vehicleId, updatedAt: now } })
      .run();
    await recordAudit(tx, now, actor, 'taxi.driver.vehicle', 'staff_user', staffId, { vehicleId });
  });
}

/** The driver hands their vehicle back, so another driver may take it. Harmless when none is held. */
export async function handBackVehicle(db: Db, staffId: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const held = await getDriverVehicleId(tx, staffId);
    if (held === null) return;
    await tx.delete(driverVehicles).where(eq(driverVehicles.staffId, staffId)).run();
    await recordAudit(tx, now, actor, 'taxi.driver.vehicle_returned', 'staff_user', staffId, {
      vehicleId: held,
    });
  });
}
