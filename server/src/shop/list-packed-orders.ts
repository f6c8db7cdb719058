import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { orderLines, orders, products } from '../../../db/src/schema';

export interface PackedOrder {
  id: number;
  hamletId: number;
  householdId: number;
  /** Weight of what was actually packed (missing quantities removed). */
  weightG: number;
  /** False when any packed product may not fly (e.g. a potted flower). */
  airEligible: boolean;
}

/**
 * For the drone base: the parcels of a delivery day that the store has packed and that have not
 * left yet (status 準備中 with packedAt set). One order is one parcel.
 */
export async function listPackedOrders(db: DbOrTx, deliveryDate: string): Promise<PackedOrder[]> {
  const rows = await db
    .select({
      id: orders.id,
      hamletId: orders.hamletId,
      householdId: orders.householdId,
      weightG: orders.weightG,
    })
    .from(orders)
    .where(
      and(eq(orders.deliveryDate, deliveryDate), eq(orders.status, 'preparing'), isNotNull(orders.packedAt)),
    )
    .orderBy(orders.id)
    .all();
  if (rows.length === 0) return [];
  const grounded = new Set(
    (
      await db
        .select({ orderId: orderLines.orderId })
        .from(orderLines)
        .innerJoin(products, eq(products.id, orderLines.productId))
        .where(
          and(
            inArray(
              orderLines.orderId,
              rows.map((r) => r.id),
            ),
            eq(products.airEligible, false),
          ),
        )
        .all()
    ).map((r) => r.orderId),
  );
  return rows.map((r) => ({ ...r, airEligible: !grounded.has(r.id) }));
}
