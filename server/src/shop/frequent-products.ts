import { and, countDistinct, desc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { orderLines, orders, products } from '../../../db/src/schema';
import { favouriteIds, toProductView, type Product } from './list-catalogue';

/**
 * よく買うもの: the products this household has received most often — the number of its delivered
 * orders that held each, then the most recently delivered first — with today's price and
 * availability. Only delivered orders count: a cancelled or refused order says nothing about what
 * the resident really uses. Products no longer sold are left out.
 */
export async function listFrequentProducts(db: DbOrTx, householdId: number, limit = 8): Promise<Product[]> {
  const favs = await favouriteIds(db, householdId);
  const times = countDistinct(orders.id);
  const lastDate = max(orders.deliveryDate);
  return (
    await db
      .select({ p: products, times, lastDate })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(
        and(eq(orders.householdId, householdId), eq(orders.status, 'delivered'), eq(products.active, true)),
      )
      .groupBy(products.id)
      .orderBy(desc(times), desc(lastDate), products.id)
      .limit(limit)
      .all()
  ).map((r) => toProductView(r.p, favs.has(r.p.id)));
}
