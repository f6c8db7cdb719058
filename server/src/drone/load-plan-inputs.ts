import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  droneFlightParcels,
  droneRoutes,
  drones,
  orderLines,
  orders,
  products,
} from '../../../db/src/schema';
import type { PlanDrone, PlanParcel, PlanSite } from './plan/types';

/** Orders of a delivery day that still wait for a plan: not cancelled, not yet on a flight. */
export async function loadUnplannedParcels(
  db: DbOrTx,
  deliveryDate: string,
): Promise<(PlanParcel & { status: string })[]> {
  const rows = await db
    .select({ id: orders.id, siteId: orders.hamletId, weightG: orders.weightG, status: orders.status })
    .from(orders)
    .leftJoin(
      droneFlightParcels,
      and(eq(droneFlightParcels.orderId, orders.id), isNull(droneFlightParcels.removedAt)),
    )
    .where(
      and(
        eq(orders.deliveryDate, deliveryDate),
        inArray(orders.status, ['received', 'preparing']),
        isNull(droneFlightParcels.id),
        // a parcel someone already sent by car stays with the car
        or(isNull(orders.deliveryMode), eq(orders.deliveryMode, 'drone')),
      ),
    )
    .all();
  if (rows.length === 0) return [];
  // An order may fly only if every product in it may (the store flags e.g. potted flowers).
  const grounded = new Set(
    (
      await db
        .selectDistinct({ orderId: orderLines.orderId })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .where(and(eq(orders.deliveryDate, deliveryDate), eq(products.airEligible, false)))
        .all()
    ).map((r) => r.orderId),
  );
  return rows.map((r) => ({ ...r, airEligible: !grounded.has(r.id) }));
}

export async function loadPlanSites(db: DbOrTx): Promise<PlanSite[]> {
  return await db
    .select({ id: droneRoutes.hamletId, routeLengthM: droneRoutes.lengthM })
    .from(droneRoutes)
    .all();
}

export async function loadPlanDrones(db: DbOrTx): Promise<PlanDrone[]> {
  return await db
    .select({
      id: drones.id,
      payloadG: drones.payloadG,
      cruiseSpeedMps: drones.cruiseSpeedMps,
      turnaroundMin: drones.turnaroundMin,
    })
    .from(drones)
    .all();
}
