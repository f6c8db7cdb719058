import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orderLines, orders } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { getOrderView, type OrderView } from './get-order-view';
import { releaseStock } from './place-order';
import { cancelRefusal } from './resident-order-status';
import { setOrderStatus } from './set-order-status';
import { getShopSettings } from './shop-settings';

/**
 * Cancels an order until its delivery day's cut-off while it is still 受付 (`cancelRefusal` says why
 * not otherwise); after that the store is already picking. Cancelling a cancelled order is a no-op.
 * `householdId` restricts a box to its own orders (another household's order is "not found").
 */
export async function cancelOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  now: Date,
  opts: { householdId?: number; note?: string } = {},
): Promise<OrderView> {
  await db.transaction(async (tx) => {
    const o = await tx.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!o || (opts.householdId !== undefined && o.householdId !== opts.householdId)) throw notFound('Order');
    if (o.status === 'cancelled') return;
    const refusal = cancelRefusal(o, await getShopSettings(tx), now);
    if (refusal !== null) throw conflict('too_late', refusal);
    await releaseStock(tx, await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all());
    await setOrderStatus(tx, orderId, 'cancelled', actor, now, { note: opts.note });
  });
  return await getOrderView(db, orderId);
}
