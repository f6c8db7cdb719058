import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, orders, residents } from '../../../db/src/schema';
import { statusLabel } from './get-order-view';

export const HallParcelSchema = z
  .object({
    orderId: z.number(),
    hamletId: z.number(),
    hallName: z.string(),
    householdId: z.number(),
    householdName: z.string(),
    address: z.string(),
    residentNames: z.array(z.string()),
    status: z.string(),
    statusLabel: z.string(),
    deliveryMode: z.string().nullable(),
    deliveryDate: z.string(),
    weightG: z.number(),
  })
  .openapi('ShopHallParcel');
export type HallParcel = z.infer<typeof HallParcelSchema>;

/**
 * Parcels on their way to or waiting at a hall for a delivery day: what the support worker hands
 * over, in the hamlets of `scope`.
 */
export async function listHallParcels(
  db: DbOrTx,
  deliveryDate: string,
  scope: StaffScope,
): Promise<HallParcel[]> {
  return await hallParcelsWhere(
    db,
    and(
      eq(orders.deliveryDate, deliveryDate),
      inArray(orders.status, ['in_transit', 'at_hall', 'delivered']),
      hamletCondition(scope, orders.hamletId),
    ),
  );
}

/** Hall parcels matching `where` (a condition on orders), with their household and residents. */
export async function hallParcelsWhere(db: DbOrTx, where: SQL | undefined): Promise<HallParcel[]> {
  const rows = await db
    .select({
      o: orders,
      hallName: hamlets.hallName,
      householdName: households.name,
      address: households.address,
    })
    .from(orders)
    .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
    .innerJoin(households, eq(households.id, orders.householdId))
    .where(where)
    .orderBy(asc(orders.hamletId), asc(households.id), asc(orders.id))
    .all();
  const ids = [...new Set(rows.map((r) => r.o.householdId))];
  const names = new Map<number, string[]>();
  if (ids.length > 0) {
    for (const r of await db
      .select({ householdId: residents.householdId, name: residents.name })
      .from(residents)
      .where(inArray(residents.householdId, ids))
      .all()) {
      names.set(r.householdId, [...(names.get(r.householdId) ?? []), r.name]);
    }
  }
  return rows.map((r) => ({
    orderId: r.o.id,
    hamletId: r.o.hamletId,
    hallName: r.hallName,
    householdId: r.o.householdId,
    householdName: r.householdName,
    address: r.address,
    residentNames: names.get(r.o.householdId) ?? [],
    status: r.o.status,
    statusLabel: statusLabel(r.o.status, r.o.deliveryMode),
    deliveryMode: r.o.deliveryMode,
    deliveryDate: r.o.deliveryDate,
    weightG: r.o.weightG,
  }));
}
