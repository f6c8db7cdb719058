import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orderLines, orders } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { getOrderView, type OrderView } from './get-order-view';
import { orderDeadline } from './order-deadline';
import { releaseStock } from './place-order';
import { setOrderStatus } from './set-order-status';
import { getShopSettings } from './shop-settings';

/**
 * Cancels an order until its delivery day's cut-off; after that the store is already picking.
 * `householdId` restricts a box to its own orders (another household's order is "not found").
 */
export function cancelOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  now: Date,
  opts: { householdId?: number; note?: string } = {},
): OrderView {
  db.transaction((tx) => {
    const o = tx.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!o || (opts.householdId !== undefined && o.householdId !== opts.householdId)) throw notFound('Order');
    if (o.status === 'cancelled') return;
    const settings = getShopSettings(tx);
    const deadline = orderDeadline(o.deliveryDate, settings);
    if (o.status !== 'received' || now.getTime() >= deadline.getTime()) {
      throw conflict(
        'too_late',
        `締め切り（${settings.calendar.cutoff}）を過ぎたので、この注文は取り消せません`,
      );
    }
    releaseStock(tx, tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all());
    setOrderStatus(tx, orderId, 'cancelled', actor, now, { note: opts.note });
  });
  return getOrderView(db, orderId);
}
