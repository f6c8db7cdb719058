import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orderLines, orders } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { inHamletScope, inSellerScope, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { conflict, notFound } from '../lib/errors';

/**
 * Undoes a mistaken tap on the picking board: the line is unpicked and its missing quantity
 * cleared. Only until the parcel is packed; the order's status stays as the pick left it (a
 * 準備中 order after the cut-off is still being prepared).
 */
export async function unpickLine(
  db: Db,
  lineId: number,
  actor: Actor,
  now: Date,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<{ orderId: number; hamletId: number }> {
  return await db.transaction(async (tx) => {
    const row = await tx
      .select({ line: orderLines, packedAt: orders.packedAt, hamletId: orders.hamletId })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(eq(orderLines.id, lineId))
      .get();
    if (!row || !inSellerScope(scope, row.line.sellerId) || !inHamletScope(scope, row.hamletId))
      throw notFound('Order line');
    if (row.packedAt) throw conflict('already_packed', 'この注文はもう梱包済みです');
    if (row.line.pickedAt === null) return { orderId: row.line.orderId, hamletId: row.hamletId };
    await tx.update(orderLines).set({ pickedAt: null, missingQty: 0 }).where(eq(orderLines.id, lineId)).run();
    await recordAudit(tx, now, actor, 'order_line.unpicked', 'order_line', lineId, {
      orderId: row.line.orderId,
      previousMissingQty: row.line.missingQty,
    });
    return { orderId: row.line.orderId, hamletId: row.hamletId };
  });
}
