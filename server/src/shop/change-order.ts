import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orderEvents, orderLines, orders } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { getOrderView, type OrderView } from './get-order-view';
import { orderDeadline } from './order-deadline';
import { actorType, releaseStock, reserveStock } from './place-order';
import { priceLines } from './price-lines';
import { getShopSettings } from './shop-settings';

/**
 * The call centre replaces an order's lines for a resident who phoned, until the cut-off. Prices
 * are fixed again at the time of the change, as if the resident had ordered anew.
 */
export async function changeOrder(
  db: Db,
  orderId: number,
  lines: { productId: number; qty: number }[],
  actor: Actor,
  now: Date,
): Promise<OrderView> {
  await db.transaction(async (tx) => {
    const o = await tx.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!o) throw notFound('Order');
    const settings = await getShopSettings(tx);
    if (o.status !== 'received' || now.getTime() >= orderDeadline(o.deliveryDate, settings).getTime()) {
      throw conflict(
        'too_late',
        `締め切り（${settings.calendar.cutoff}）を過ぎたので、この注文は変更できません`,
      );
    }
    const old = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all();
    // Release first so the resident's own reservation counts as available for the new quantities.
    await releaseStock(tx, old);
    const priced = await priceLines(tx, lines, settings);
    await tx.delete(orderLines).where(eq(orderLines.orderId, orderId)).run();
    await tx
      .insert(orderLines)
      .values(priced.lines.map((l) => ({ ...l, orderId })))
      .run();
    await reserveStock(tx, priced.lines);
    await tx
      .update(orders)
      .set({ totalYen: priced.totalYen, weightG: priced.weightG, updatedAt: now })
      .where(eq(orders.id, orderId))
      .run();
    await tx
      .insert(orderEvents)
      .values({
        orderId,
        at: now,
        status: 'received',
        actorType: actorType(actor),
        actorId: actor.id,
        note: '注文内容を変更',
      })
      .run();
    await recordAudit(tx, now, actor, 'order.changed', 'order', orderId, {
      before: old.map((l) => ({ productId: l.productId, qty: l.qty })),
      after: priced.lines.map((l) => ({ productId: l.productId, qty: l.qty })),
    });
  });
  return await getOrderView(db, orderId);
}
