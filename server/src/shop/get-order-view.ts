import { asc, eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import {
  hamlets,
  handovers,
  orderEvents,
  orderLines,
  orders,
  type OrderStatus,
} from '../../../db/src/schema';
import { inHamletScope, inSellerScope, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { notFound } from '../lib/errors';
import { ORDER_STATUS_JA } from './set-order-status';

export const OrderLineViewSchema = z
  .object({
    id: z.number(),
    productId: z.number(),
    sellerId: z.number(),
    name: z.string(),
    unitPriceYen: z.number(),
    taxRate: z.number(),
    qty: z.number(),
    missingQty: z.number(),
    picked: z.boolean(),
    /** What the resident pays for this line: (qty − missingQty) × unit price. */
    amountYen: z.number(),
  })
  .openapi('ShopOrderLine');

export const OrderViewSchema = z
  .object({
    id: z.number(),
    householdId: z.number(),
    hamletId: z.number(),
    hallName: z.string(),
    channel: z.enum(['tv', 'call_centre']),
    status: z.enum(['received', 'preparing', 'in_transit', 'at_hall', 'delivered', 'cancelled']),
    statusLabel: z.string(),
    deliveryDate: z.string(),
    deliveryMode: z.enum(['drone', 'car']).nullable(),
    deliveryModeReason: z.string().nullable(),
    packed: z.boolean(),
    /** Total of the goods actually supplied (missing quantities are not charged). */
    totalYen: z.number(),
    weightG: z.number(),
    createdAt: z.string(),
    lines: z.array(OrderLineViewSchema),
    /** Japanese lines like 「牛乳 1L：1点 品切れ（請求しません）」. */
    missingNotes: z.array(z.string()),
    events: z.array(
      z.object({ at: z.string(), status: z.string(), actorType: z.string(), note: z.string().nullable() }),
    ),
    handovers: z.array(z.object({ at: z.string(), outcome: z.string(), note: z.string().nullable() })),
  })
  .openapi('ShopOrder');
export type OrderView = z.infer<typeof OrderViewSchema>;

/**
 * One order as `scope` may see it: only the lines of the scope's sellers (a store sees its own
 * part of a parcel, and the total of that part), and 404 for an order with nothing in scope.
 */
export async function getOrderView(
  db: DbOrTx,
  orderId: number,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<OrderView> {
  const o = await db
    .select({ order: orders, hallName: hamlets.hallName })
    .from(orders)
    .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
    .where(eq(orders.id, orderId))
    .get();
  if (!o || !inHamletScope(scope, o.order.hamletId)) throw notFound('Order');
  const lines = (
    await db
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.id))
      .all()
  ).filter((l) => inSellerScope(scope, l.sellerId));
  if (scope.sellerIds !== null && lines.length === 0) throw notFound('Order');
  const events = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id))
    .all();
  const hand = await db
    .select()
    .from(handovers)
    .where(eq(handovers.orderId, orderId))
    .orderBy(asc(handovers.at))
    .all();
  return buildOrderView(o.order, o.hallName, lines, events, hand);
}

/** The view of an order from its rows (the order path builds it from the rows it just wrote). */
export function buildOrderView(
  order: typeof orders.$inferSelect,
  hallName: string,
  lines: (typeof orderLines.$inferSelect)[],
  events: (typeof orderEvents.$inferSelect)[],
  hand: (typeof handovers.$inferSelect)[],
): OrderView {
  const lineViews = lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    sellerId: l.sellerId,
    name: l.name,
    unitPriceYen: l.unitPriceYen,
    taxRate: l.taxRate,
    qty: l.qty,
    missingQty: l.missingQty,
    picked: l.pickedAt !== null,
    amountYen: (l.qty - l.missingQty) * l.unitPriceYen,
  }));
  return {
    id: order.id,
    householdId: order.householdId,
    hamletId: order.hamletId,
    hallName,
    channel: order.channel,
    status: order.status,
    statusLabel: statusLabel(order.status, order.deliveryMode),
    deliveryDate: order.deliveryDate,
    deliveryMode: order.deliveryMode,
    deliveryModeReason: order.deliveryModeReason,
    packed: order.packedAt !== null,
    totalYen: lineViews.reduce((s, l) => s + l.amountYen, 0),
    weightG: order.weightG,
    createdAt: order.createdAt.toISOString(),
    lines: lineViews,
    missingNotes: lines
      .filter((l) => l.missingQty > 0)
      .map((l) => `${l.name}：${l.missingQty}点 品切れ（請求しません）`),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      status: e.status,
      actorType: e.actorType,
      note: e.note,
    })),
    handovers: hand.map((h) => ({ at: h.at.toISOString(), outcome: h.outcome, note: h.note })),
  };
}

/** 配送中 says how it travels, so the resident knows a car is coming instead of the drone. */
export function statusLabel(status: OrderStatus, mode: 'drone' | 'car' | null): string {
  if (status === 'in_transit' && mode)
    return `${ORDER_STATUS_JA.in_transit}（${mode === 'drone' ? 'ドローン' : '車'}）`;
  return ORDER_STATUS_JA[status];
}
