import { and, asc, eq, isNotNull, ne, or } from 'drizzle-orm';
import { hamletCondition, sellerCondition, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, orderLines, orders, sellers } from '../../../db/src/schema';

export const PickingRowSchema = z.object({
  sellerId: z.number(),
  sellerName: z.string(),
  hamletId: z.number(),
  hamletName: z.string(),
  hallName: z.string(),
  orderId: z.number(),
  orderStatus: z.string(),
  packed: z.boolean(),
  householdName: z.string(),
  lineId: z.number(),
  productId: z.number(),
  productName: z.string(),
  qty: z.number(),
  missingQty: z.number(),
  picked: z.boolean(),
});
export type PickingRow = z.infer<typeof PickingRowSchema>;

export const PickingListSchema = z
  .object({
    deliveryDate: z.string(),
    sellers: z.array(
      z.object({
        sellerId: z.number(),
        sellerName: z.string(),
        hamlets: z.array(
          z.object({
            hamletId: z.number(),
            hamletName: z.string(),
            hallName: z.string(),
            rows: z.array(PickingRowSchema),
          }),
        ),
      }),
    ),
  })
  .openapi('ShopPickingList');
export type PickingList = z.infer<typeof PickingListSchema>;

/**
 * The store's picking list for a delivery day: per seller, then per hamlet (one parcel per order).
 * Cancelled orders are left out, except lines picked before the cancellation (to put back).
 * Only the lines in `scope` (a store: its own seller's).
 */
export async function buildPickingList(
  db: DbOrTx,
  deliveryDate: string,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<PickingList> {
  const rows = await db
    .select({
      sellerId: orderLines.sellerId,
      sellerName: sellers.name,
      hamletId: orders.hamletId,
      hamletName: hamlets.name,
      hallName: hamlets.hallName,
      orderId: orders.id,
      orderStatus: orders.status,
      packedAt: orders.packedAt,
      householdName: households.name,
      lineId: orderLines.id,
      productId: orderLines.productId,
      productName: orderLines.name,
      qty: orderLines.qty,
      missingQty: orderLines.missingQty,
      pickedAt: orderLines.pickedAt,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(sellers, eq(sellers.id, orderLines.sellerId))
    .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
    .innerJoin(households, eq(households.id, orders.householdId))
    .where(
      and(
        eq(orders.deliveryDate, deliveryDate),
        // A cancelled order stays on the list only for lines already picked: the store puts them back.
        or(ne(orders.status, 'cancelled'), isNotNull(orderLines.pickedAt)),
        sellerCondition(scope, orderLines.sellerId),
        hamletCondition(scope, orders.hamletId),
      ),
    )
    .orderBy(asc(orderLines.sellerId), asc(orders.hamletId), asc(orders.id), asc(orderLines.id))
    .all();
  const list: PickingList = { deliveryDate, sellers: [] };
  for (const r of rows) {
    let s = list.sellers.at(-1);
    if (!s || s.sellerId !== r.sellerId)
      list.sellers.push((s = { sellerId: r.sellerId, sellerName: r.sellerName, hamlets: [] }));
    let h = s.hamlets.at(-1);
    if (!h || h.hamletId !== r.hamletId) {
      s.hamlets.push(
        (h = { hamletId: r.hamletId, hamletName: r.hamletName, hallName: r.hallName, rows: [] }),
      );
    }
    const { packedAt, pickedAt, ...rest } = r;
    h.rows.push({ ...rest, packed: packedAt !== null, picked: pickedAt !== null });
  }
  return list;
}
