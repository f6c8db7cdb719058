import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { charges, orderLines, orders } from '../../../db/src/schema';
import { tokyoMonth } from '../lib/tokyo';

/**
 * One goods charge per delivered line, for the quantity actually supplied, at the price fixed
 * when the order was placed. The sourceKey makes a second call harmless; fully missing lines
 * are not charged at all.
 */
export async function writeOrderCharges(tx: DbOrTx, orderId: number, deliveredAt: Date): Promise<number> {
  const order = await tx.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order || order.status !== 'delivered') return 0;
  let written = 0;
  for (const l of await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all()) {
    const qty = l.qty - l.missingQty;
    if (qty <= 0) continue;
    const res = await tx
      .insert(charges)
      .values({
        householdId: order.householdId,
        residentId: order.residentId,
        kind: 'goods',
        sourceKey: `order-line:${l.id}`,
        description: `${l.name} × ${qty}`,
        amountYen: qty * l.unitPriceYen,
        taxRate: l.taxRate,
        sellerId: l.sellerId,
        orderId,
        occurredAt: deliveredAt,
        month: tokyoMonth(deliveredAt),
        createdAt: deliveredAt,
      })
      .onConflictDoNothing()
      .run();
    written += res.changes;
  }
  return written;
}
