import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { orderEvents, orders, type OrderStatus } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';

/**
 * Allowed moves. Cancelling is only from received/preparing: once a parcel has left the store it
 * can no longer be stopped. at_hall → in_transit is allowed so a parcel whose flight was aborted
 * can be sent again (e.g. by car).
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  received: ['preparing', 'cancelled'],
  preparing: ['in_transit', 'cancelled', 'received'],
  in_transit: ['at_hall', 'preparing'],
  at_hall: ['delivered', 'in_transit'],
  delivered: [],
  cancelled: [],
};

/** Resident-facing names of the statuses (shown on the TV and the console). */
export const ORDER_STATUS_JA: Record<OrderStatus, string> = {
  received: '受付',
  preparing: '準備中',
  in_transit: '配送中',
  at_hall: '公民館に到着',
  delivered: 'お届け済み',
  cancelled: '取り消し',
};

export interface SetOrderStatusExtra {
  deliveryMode?: 'drone' | 'car';
  /** Why the parcel goes by car (Japanese, shown to the resident). */
  deliveryModeReason?: string | null;
  note?: string;
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * The one place an order's status changes: validates the move, updates the order, writes an
 * order_events row and an audit row. Call it inside the caller's transaction. Setting the status
 * an order already has is a no-op (returns false) so a resent job step is harmless; an illegal
 * move throws 409 `invalid_transition`.
 */
export function setOrderStatus(
  tx: DbOrTx,
  orderId: number,
  status: OrderStatus,
  actor: Actor,
  now: Date,
  extra: SetOrderStatusExtra = {},
): boolean {
  const order = tx
    .select({ id: orders.id, status: orders.status, deliveryMode: orders.deliveryMode })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get();
  if (!order) throw notFound('Order');
  const modeChanged = extra.deliveryMode !== undefined && extra.deliveryMode !== order.deliveryMode;
  if (order.status === status && !modeChanged) return false;
  if (order.status !== status && !canTransition(order.status, status)) {
    throw conflict(
      'invalid_transition',
      `注文の状態を「${ORDER_STATUS_JA[order.status]}」から「${ORDER_STATUS_JA[status]}」には変えられません`,
    );
  }
  tx.update(orders)
    .set({
      status,
      updatedAt: now,
      ...(extra.deliveryMode !== undefined ? { deliveryMode: extra.deliveryMode } : {}),
      ...(extra.deliveryModeReason !== undefined ? { deliveryModeReason: extra.deliveryModeReason } : {}),
    })
    .where(eq(orders.id, orderId))
    .run();
  // order_events has no 'family' actor; a family member never changes an order, so map defensively.
  const actorType = actor.type === 'family' ? 'system' : actor.type;
  tx.insert(orderEvents)
    .values({
      orderId,
      at: now,
      status,
      actorType,
      actorId: actor.id,
      note: extra.note ?? (extra.deliveryMode === 'car' ? (extra.deliveryModeReason ?? null) : null),
    })
    .run();
  recordAudit(tx, now, actor, `order.${status}`, 'order', orderId, {
    from: order.status,
    to: status,
    ...(extra.deliveryMode ? { deliveryMode: extra.deliveryMode } : {}),
    ...(extra.deliveryModeReason ? { deliveryModeReason: extra.deliveryModeReason } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  });
  return true;
}
