import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { auditLog, orderEvents, orders, type OrderStatus } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { canTransition, ORDER_STATUS_JA, type SetOrderStatusExtra } from './set-order-status';

/**
 * Rows per statement. SQLite allows 32,766 bound values; an audit row binds 7, so 1,000 rows stay
 * far below the limit while a 2,000-order cut-off needs only a handful of statements.
 */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Moves many orders to one status with set-based statements: one read, one UPDATE … WHERE id IN,
 * one multi-row insert of order_events and one of audit rows per 1,000 orders. Every move is
 * validated before anything is written, so an illegal one (409 `invalid_transition`) or an
 * unknown order (404) leaves all the orders as they were. Orders that already have the status
 * (and, when given, the delivery mode) are skipped, as in `setOrderStatus`. Call it inside the
 * caller's transaction. Returns the ids that changed, in the order given.
 */
export async function setOrdersStatus(
  tx: DbOrTx,
  orderIds: readonly number[],
  status: OrderStatus,
  actor: Actor,
  now: Date,
  extra: SetOrderStatusExtra = {},
): Promise<number[]> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return [];
  const current = new Map<number, { status: OrderStatus; deliveryMode: 'drone' | 'car' | null }>();
  for (const part of chunks(ids)) {
    for (const o of await tx
      .select({ id: orders.id, status: orders.status, deliveryMode: orders.deliveryMode })
      .from(orders)
      .where(inArray(orders.id, part))
      .all()) {
      current.set(o.id, o);
    }
  }

  const changed: { id: number; from: OrderStatus }[] = [];
  for (const id of ids) {
    const order = current.get(id);
    if (!order) throw notFound('Order');
    const modeChanged = extra.deliveryMode !== undefined && extra.deliveryMode !== order.deliveryMode;
    if (order.status === status && !modeChanged) continue;
    if (order.status !== status && !canTransition(order.status, status)) {
      throw conflict(
        'invalid_transition',
        `注文の状態を「${ORDER_STATUS_JA[order.status]}」から「${ORDER_STATUS_JA[status]}」には変えられません`,
      );
    }
    changed.push({ id, from: order.status });
  }
  if (changed.length === 0) return [];

  // order_events has no 'family' actor; a family member never changes an order, so map defensively.
  const actorType = actor.type === 'family' ? 'system' : actor.type;
  const note = extra.note ?? (extra.deliveryMode === 'car' ? (extra.deliveryModeReason ?? null) : null);
  const detailExtra = {
    ...(extra.deliveryMode ? { deliveryMode: extra.deliveryMode } : {}),
    ...(extra.deliveryModeReason ? { deliveryModeReason: extra.deliveryModeReason } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
  for (const part of chunks(changed)) {
    await tx
      .update(orders)
      .set({
        status,
        updatedAt: now,
        ...(extra.deliveryMode !== undefined ? { deliveryMode: extra.deliveryMode } : {}),
        ...(extra.deliveryModeReason !== undefined ? { deliveryModeReason: extra.deliveryModeReason } : {}),
      })
      .where(
        inArray(
          orders.id,
          part.map((c) => c.id),
        ),
      )
      .run();
    await tx
      .insert(orderEvents)
      .values(part.map((c) => ({ orderId: c.id, at: now, status, actorType, actorId: actor.id, note })))
      .run();
    await tx
      .insert(auditLog)
      .values(
        part.map((c) => ({
          at: now,
          actorType: actor.type,
          actorId: actor.id,
          action: `order.${status}`,
          entity: 'order',
          entityId: String(c.id),
          detail: { from: c.from, to: status, ...detailExtra },
        })),
      )
      .run();
  }
  return changed.map((c) => c.id);
}
