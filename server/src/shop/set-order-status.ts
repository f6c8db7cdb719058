import type { DbOrTx } from '../../../db/src';
import type { OrderStatus } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { setOrdersStatus } from './set-orders-status';

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
 * The one place an order's status changes (with `setOrdersStatus`, its bulk form, which does the
 * work): validates the move, updates the order, writes an order_events row and an audit row. Call
 * it inside the caller's transaction. Setting the status an order already has is a no-op (returns
 * false) so a resent job step is harmless; an illegal move throws 409 `invalid_transition`.
 */
export async function setOrderStatus(
  tx: DbOrTx,
  orderId: number,
  status: OrderStatus,
  actor: Actor,
  now: Date,
  extra: SetOrderStatusExtra = {},
): Promise<boolean> {
  return (await setOrdersStatus(tx, [orderId], status, actor, now, extra)).length > 0;
}
