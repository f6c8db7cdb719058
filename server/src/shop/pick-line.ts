import { eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/src';
import { orderLines, orders } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { inHamletScope, inSellerScope, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { conflict, notFound, unprocessable } from '../lib/errors';
import { orderDeadline } from './order-deadline';
import { setOrderStatus } from './set-order-status';
import { getShopSettings } from './shop-settings';

export const PickLineInput = z
  .object({
    /** How many of the ordered quantity the store could not supply (0 = all there). */
    missingQty: z.number().int().min(0).max(99).default(0),
  })
  .openapi('ShopPickLine');

/**
 * The store marks a line picked, reporting any missing quantity: the resident's TV lists it and
 * it is never charged. A line outside the staff member's scope is not found. Lines may be picked
 * before the cut-off, but the order stays cancellable until then (the store sees a cancelled order's
 * picked lines on its picking list, to put them back).
 */
export async function pickLine(
  db: Db,
  lineId: number,
  input: { missingQty: number },
  actor: Actor,
  now: Date,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<{ orderId: number; hamletId: number }> {
  return await db.transaction(async (tx) => {
    const row = await tx
      .select({
        line: orderLines,
        status: orders.status,
        packedAt: orders.packedAt,
        hamletId: orders.hamletId,
        deliveryDate: orders.deliveryDate,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(eq(orderLines.id, lineId))
      .get();
    if (!row || !inSellerScope(scope, row.line.sellerId) || !inHamletScope(scope, row.hamletId))
      throw notFound('Order line');
    if (row.packedAt || !['received', 'preparing'].includes(row.status)) {
      throw conflict('already_packed', 'この注文はもう梱包済みか発送済みです');
    }
    if (input.missingQty > row.line.qty) {
      throw unprocessable('missing_exceeds_qty', `欠品数は注文数（${row.line.qty}）以下にしてください`);
    }
    // The resident may cancel until the cut-off, so an early pick must not lock the order: it stays
    // 受付 and the cut-off moves it to 準備中. Only a pick after the cut-off (job not run yet) does.
    const deadline = orderDeadline(row.deliveryDate, await getShopSettings(tx));
    if (row.status === 'received' && now.getTime() >= deadline.getTime())
      await setOrderStatus(tx, row.line.orderId, 'preparing', actor, now);
    await tx
      .update(orderLines)
      .set({ pickedAt: now, missingQty: input.missingQty })
      .where(eq(orderLines.id, lineId))
      .run();
    await recordAudit(
      tx,
      now,
      actor,
      input.missingQty > 0 ? 'order_line.missing' : 'order_line.picked',
      'order_line',
      lineId,
      {
        orderId: row.line.orderId,
        missingQty: input.missingQty,
      },
    );
    return { orderId: row.line.orderId, hamletId: row.hamletId };
  });
}
