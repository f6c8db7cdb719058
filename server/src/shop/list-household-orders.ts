import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { orders } from '../../../db/src/schema';
import { getOrderView, type OrderView } from './get-order-view';

/** The household's recent orders, newest first (what the TV's 注文の状況 shows). */
export async function listHouseholdOrders(db: DbOrTx, householdId: number, limit = 10): Promise<OrderView[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.householdId, householdId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit)
    .all();
  const views: OrderView[] = [];
  for (const o of rows) views.push(await getOrderView(db, o.id));
  return views;
}
