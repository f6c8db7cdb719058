import type { Db } from '../../db/src';
import type { OrderStatus } from '../../db/src/schema';
import { placeOrder } from '../../server/src/shop/place-order';
import { setOrderStatus } from '../../server/src/shop/set-order-status';

const SYSTEM = { type: 'system', id: null } as const;
const PATH: OrderStatus[] = ['preparing', 'in_transit', 'at_hall', 'delivered'];

/**
 * A household's earlier order, placed through the same business function as the TV and moved
 * along the real status path (受付 → 準備中 → 配送中 → 公民館 → お届け済み) up to `until`, as the
 * store, the drone base and the hall would. Returns the order's id.
 */
export async function pastOrder(
  db: Db,
  householdId: number,
  lines: Array<{ productId: number; qty: number }>,
  at: Date,
  opts: { until?: OrderStatus; mode?: 'drone' | 'car'; key?: string } = {},
): Promise<number> {
  const { order } = await placeOrder(
    db,
    { idempotencyKey: opts.key ?? `history-${householdId}-${at.getTime()}`, lines },
    { householdId, channel: 'tv', actor: { type: 'device', id: householdId } },
    at,
  );
  const until = opts.until ?? 'delivered';
  if (until === 'received') return order.id;
  await db.transaction(async (tx) => {
    for (const status of PATH) {
      const extra = status === 'in_transit' ? { deliveryMode: opts.mode ?? 'drone' } : {};
      await setOrderStatus(tx, order.id, status, SYSTEM, at, extra);
      if (status === until) break;
    }
  });
  return order.id;
}
