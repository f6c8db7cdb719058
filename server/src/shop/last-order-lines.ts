import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { orderLines, orders, products } from '../../../db/src/schema';
import { favouriteIds, ProductSchema, toProductView } from './list-catalogue';

export const LastOrderSchema = z
  .object({
    orderId: z.number().nullable(),
    lines: z.array(z.object({ product: ProductSchema, qty: z.number() })),
  })
  .openapi('ShopLastOrder');

/**
 * "The same as last time": the household's latest order that was not cancelled, with today's
 * products (today's price and availability), so the resident reviews before ordering again.
 */
export async function lastOrderLines(
  db: DbOrTx,
  householdId: number,
): Promise<z.infer<typeof LastOrderSchema>> {
  const last = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.householdId, householdId), ne(orders.status, 'cancelled')))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(1)
    .get();
  if (!last) return { orderId: null, lines: [] };
  const favs = await favouriteIds(db, householdId);
  const rows = await db
    .select({ p: products, qty: orderLines.qty })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, last.id))
    .orderBy(asc(orderLines.id))
    .all();
  return {
    orderId: last.id,
    lines: rows.map((r) => ({ product: toProductView(r.p, favs.has(r.p.id)), qty: r.qty })),
  };
}
