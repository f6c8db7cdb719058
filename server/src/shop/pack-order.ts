import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orderEvents, orderLines, orders } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { inHamletScope, inSellerScope, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { conflict, notFound } from '../lib/errors';
import { getOrderView, type OrderView } from './get-order-view';
import { actorType } from './place-order';
import { orderDeadline } from './order-deadline';
import { setOrderStatus } from './set-order-status';
import { getShopSettings } from './shop-settings';

/**
 * Marks a parcel packed once every line is picked; the drone base then plans it. An order whose
 * every line was missing has nothing to send, so it is cancelled (and nothing is charged).
 * A store packs only a parcel with lines of its own seller; any other order is not found.
 */
export async function packOrder(
  db: Db,
  orderId: number,
  actor: Actor,
  now: Date,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<OrderView> {
  await db.transaction(async (tx) => {
    const o = await tx.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!o || !inHamletScope(scope, o.hamletId)) throw notFound('Order');
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all();
    if (!lines.some((l) => inSellerScope(scope, l.sellerId))) throw notFound('Order');
    if (o.packedAt) return;
    if (!['received', 'preparing'].includes(o.status))
      throw conflict('not_preparing', 'この注文は梱包できる状態ではありません');
    // A packed parcel is handed to delivery planning; before the cut-off the resident may still cancel.
    const settings = await getShopSettings(tx);
    if (o.status === 'received' && now.getTime() < orderDeadline(o.deliveryDate, settings).getTime()) {
      throw conflict(
        'before_cutoff',
        `締め切り（${settings.calendar.cutoff}）まではお客様が取り消せるので、梱包は締め切り後にしてください`,
      );
    }
    const unpicked = lines.filter((l) => l.pickedAt === null);
    if (unpicked.length > 0) {
      throw conflict(
        'not_picked',
        `まだピックしていない商品があります：${unpicked.map((l) => l.name).join('、')}`,
      );
    }
    if (o.status === 'received') await setOrderStatus(tx, orderId, 'preparing', actor, now);
    if (lines.every((l) => l.missingQty === l.qty)) {
      await setOrderStatus(tx, orderId, 'cancelled', actor, now, { note: 'すべて品切れ' });
      return;
    }
    const weightG = lines.reduce((s, l) => s + (l.weightG / l.qty) * (l.qty - l.missingQty), 0);
    await tx
      .update(orders)
      .set({ packedAt: now, weightG: Math.round(weightG), updatedAt: now })
      .where(eq(orders.id, orderId))
      .run();
    await tx
      .insert(orderEvents)
      .values({
        orderId,
        at: now,
        status: 'preparing',
        actorType: actorType(actor),
        actorId: actor.id,
        note: '梱包済み',
      })
      .run();
    await recordAudit(tx, now, actor, 'order.packed', 'order', orderId, { weightG });
  });
  return await getOrderView(db, orderId, scope);
}
