import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { orders } from '../../../db/src/schema';
import { getOrderView, type OrderView } from './get-order-view';

/** The household's recent orders, newest first (what the TV's 注文の状況 shows). */
export async function listHouseholdOrders(db: DbOrTx, householdId: number, limit = 10): Promise<OrderView[]> {
  return (await db
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.householdId, householdId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit)
      .all())
    .map(async (o) => await getOrderView(db, o.id));
}
