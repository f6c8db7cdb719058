import { and, eq, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Db, DbOrTx } from '../../../db/src';
import { households, orderEvents, orderLines, orders, products, residents } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { forbidden, notFound } from '../lib/errors';
import { deliveryDayFor } from './calendar';
import { getOrderView, type OrderView } from './get-order-view';
import { priceLines } from './price-lines';
import { recordHouseholdLifeSign } from './record-household-life-sign';
import { getShopSettings } from './shop-settings';

export const OrderLineInput = z.object({
  productId: z.number().int().positive(),
  qty: z.number().int().min(1).max(99),
});

export const PlaceOrderInput = z
  .object({
    /** Made once per confirmation screen by the client; resending it returns the first order. */
    idempotencyKey: z.string().min(8).max(100),
    residentId: z.number().int().positive().optional(),
    lines: z.array(OrderLineInput).min(1).max(100),
  })
  .openapi('ShopPlaceOrder');
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

export interface PlaceOrderContext {
  householdId: number;
  channel: 'tv' | 'call_centre';
  actor: Actor;
  staffId?: number | null;
}

/**
 * Places an order at today's prices for the next delivery day. The idempotency key is looked up
 * inside the same transaction that inserts, so a double press or a resent request returns the
 * first order instead of making a second one.
 */
export function placeOrder(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): { order: OrderView; created: boolean } {
  const orderId = insertOnce(db, input, ctx, now);
  return { order: getOrderView(db, orderId.id), created: orderId.created };
}

function findByKey(db: DbOrTx, householdId: number, key: string) {
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.householdId, householdId), eq(orders.idempotencyKey, key)))
    .get();
}

/**
 * Inside one process the look-up and the insert cannot interleave (synchronous transaction);
 * a second process could, so the unique index has the last word and its refusal means "already
 * placed".
 */
function insertOnce(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): { id: number; created: boolean } {
  try {
    return insertOrder(db, input, ctx, now);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const existing =
      code === 'SQLITE_CONSTRAINT_UNIQUE' ? findByKey(db, ctx.householdId, input.idempotencyKey) : undefined;
    if (existing) return { id: existing.id, created: false };
    throw err;
  }
}

function insertOrder(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): { id: number; created: boolean } {
  return db.transaction((tx) => {
    const existing = findByKey(tx, ctx.householdId, input.idempotencyKey);
    if (existing) return { id: existing.id, created: false };

    const household = tx.select().from(households).where(eq(households.id, ctx.householdId)).get();
    if (!household) throw notFound('Household');
    if (!household.shopMemberSince) throw forbidden('お買い物サービスに登録されていません');
    if (input.residentId !== undefined) {
      const r = tx
        .select({ householdId: residents.householdId })
        .from(residents)
        .where(eq(residents.id, input.residentId))
        .get();
      if (!r || r.householdId !== ctx.householdId) throw notFound('Resident');
    }

    const settings = getShopSettings(tx);
    const priced = priceLines(tx, input.lines, settings);
    const day = deliveryDayFor(now, settings.calendar);

    const order = tx
      .insert(orders)
      .values({
        householdId: ctx.householdId,
        residentId: input.residentId ?? null,
        hamletId: household.hamletId,
        channel: ctx.channel,
        placedByStaffId: ctx.staffId ?? null,
        idempotencyKey: input.idempotencyKey,
        status: 'received',
        deliveryDate: day.date,
        totalYen: priced.totalYen,
        weightG: priced.weightG,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: orders.id })
      .get();
    tx.insert(orderLines)
      .values(priced.lines.map((l) => ({ ...l, orderId: order.id })))
      .run();
    reserveStock(tx, priced.lines);
    tx.insert(orderEvents)
      .values({
        orderId: order.id,
        at: now,
        status: 'received',
        actorType: actorType(ctx.actor),
        actorId: ctx.actor.id,
      })
      .run();
    // A phone call to the call centre is not the household using its TV, but it is still a sign.
    recordHouseholdLifeSign(tx, ctx.householdId, 'order', now);
    recordAudit(tx, now, ctx.actor, 'order.received', 'order', order.id, {
      channel: ctx.channel,
      totalYen: priced.totalYen,
      deliveryDate: day.date,
    });
    return { id: order.id, created: true };
  });
}

export const actorType = (a: Actor): 'staff' | 'device' | 'system' =>
  a.type === 'family' ? 'system' : a.type;

/** Tracked stock goes down at order time so two households cannot both get the last one. */
export function reserveStock(
  tx: Parameters<typeof priceLines>[0],
  lines: { productId: number; qty: number }[],
) {
  for (const l of lines) {
    tx.update(products)
      .set({ stock: sql`${products.stock} - ${l.qty}` })
      .where(and(eq(products.id, l.productId), sql`${products.stock} IS NOT NULL`))
      .run();
  }
}

export function releaseStock(
  tx: Parameters<typeof priceLines>[0],
  lines: { productId: number; qty: number }[],
) {
  for (const l of lines) {
    tx.update(products)
      .set({ stock: sql`${products.stock} + ${l.qty}` })
      .where(and(eq(products.id, l.productId), sql`${products.stock} IS NOT NULL`))
      .run();
  }
}
