import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { orders } from '../../../db/src/schema';
import { systemActor } from '../lib/audit';
import { tokyoDate } from '../lib/tokyo';
import { orderDeadline } from './order-deadline';
import { setOrdersStatus } from './set-orders-status';
import { getShopSettings } from './shop-settings';

/**
 * At the cut-off, every received order whose deadline has passed goes to 準備中 so the store
 * picks it. Computed from the database, so a run after downtime catches up and a second run
 * finds nothing to do.
 */
export async function startPicking(db: Db, now: Date): Promise<{ orderIds: number[] }> {
  return await db.transaction(async (tx) => {
    const settings = await getShopSettings(tx);
    // A cut-off has one deadline per delivery date: compute each once, not once per order.
    const passed = new Map<string, boolean>();
    const isPast = (date: string) => {
      let p = passed.get(date);
      if (p === undefined) passed.set(date, (p = now.getTime() >= orderDeadline(date, settings).getTime()));
      return p;
    };
    // Orders for tomorrow or later cannot have passed their deadline yet.
    const due = (
      await tx
        .select({ id: orders.id, deliveryDate: orders.deliveryDate })
        .from(orders)
        .where(and(eq(orders.status, 'received'), lte(orders.deliveryDate, tokyoDate(now))))
        .all()
    ).filter((o) => isPast(o.deliveryDate));
    await setOrdersStatus(
      tx,
      due.map((o) => o.id),
      'preparing',
      systemActor,
      now,
      { note: '締め切り' },
    );
    return { orderIds: due.map((o) => o.id) };
  });
}
