import { and, eq, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { isUniqueViolation, type Db } from '../../../db/src';
import { products } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { forbidden, notFound } from '../lib/errors';
import { recordLifeSign } from '../watch/record-life-sign';
import { deliveryDayFor } from './calendar';
import { emptyCartLines } from './cart';
import { buildOrderView, getOrderView, type OrderView } from './get-order-view';
import { orderStatements } from './order-statements';
import { priceLines } from './price-lines';
import { shopSettingsOf } from './shop-settings';

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
export async function placeOrder(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): Promise<{ order: OrderView; created: boolean }> {
  const placed = await insertOnce(db, input, ctx, now);
  if (placed.view) return { order: placed.view, created: true };
  return { order: await getOrderView(db, placed.id), created: false };
}

/**
 * Inside one process the look-up and the insert cannot interleave (synchronous transaction);
 * a second process could, so the unique index has the last word and its refusal means "already
 * placed".
 */
async function insertOnce(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): Promise<Placed> {
  try {
    return await insertOrder(db, input, ctx, now);
  } catch (err) {
    const existing = isUniqueViolation(err)
      ? await orderStatements(db).findByKey.get({ householdId: ctx.householdId, key: input.idempotencyKey })
      : undefined;
    if (existing) return { id: existing.id };
    throw err;
  }
}

/** A new order comes back with its view, built from the rows just written; a resend only with its id. */
type Placed = { id: number; view?: OrderView };

/**
 * The hot path of the shop: every statement is prepared once per connection (`orderStatements`),
 * the cart's products are read in one query and its lines written in one multi-row insert, and
 * the returned view is built from the inserted rows instead of being read back.
 */
async function insertOrder(
  db: Db,
  input: PlaceOrderInput,
  ctx: PlaceOrderContext,
  now: Date,
): Promise<Placed> {
  const q = orderStatements(db);
  // The prepared statements belong to `db`; inside the synchronous transaction they run on the
  // same connection, so they see and take part in it.
  return await db.transaction(async (tx) => {
    const existing = await q.findByKey.get({ householdId: ctx.householdId, key: input.idempotencyKey });
    if (existing) return { id: existing.id };

    const household = await q.household.get({ id: ctx.householdId });
    if (!household) throw notFound('Household');
    if (!household.shopMemberSince) throw forbidden('お買い物サービスに登録されていません');
    if (input.residentId !== undefined) {
      const r = await q.residentHousehold.get({ id: input.residentId });
      if (!r || r.householdId !== ctx.householdId) throw notFound('Resident');
    }

    const settings = shopSettingsOf(await q.settings.get());
    const priced = await priceLines(
      tx,
      input.lines,
      settings,
      async (ids) => await q.productsByIds.all({ ids: JSON.stringify(ids) }),
    );
    const day = deliveryDayFor(now, settings.calendar);

    const order = (await q.insertOrder.get({
      householdId: ctx.householdId,
      residentId: input.residentId ?? null,
      hamletId: household.hamletId,
      channel: ctx.channel,
      placedByStaffId: ctx.staffId ?? null,
      idempotencyKey: input.idempotencyKey,
      deliveryDate: day.date,
      totalYen: priced.totalYen,
      weightG: priced.weightG,
      now,
    }))!;
    const lineParams: Record<string, unknown> = { orderId: order.id };
    priced.lines.forEach((l, i) => {
      lineParams[`productId${i}`] = l.productId;
      lineParams[`sellerId${i}`] = l.sellerId;
      lineParams[`name${i}`] = l.name;
      lineParams[`unitPriceYen${i}`] = l.unitPriceYen;
      lineParams[`taxRate${i}`] = l.taxRate;
      lineParams[`qty${i}`] = l.qty;
      lineParams[`weightG${i}`] = l.weightG;
    });
    const lines = (await q.insertLines(priced.lines.length).all(lineParams)).sort((a, b) => a.id - b.id);
    for (const l of priced.tracked) await q.reserveStock.run({ id: l.productId, qty: l.qty });
    // What was ordered leaves the household's cart in the same transaction: never an order placed
    // with its goods still waiting in the cart after a reload.
    await emptyCartLines(
      tx,
      ctx.householdId,
      priced.lines.map((l) => l.productId),
      now,
    );
    const event = (await q.insertEvent.get({
      orderId: order.id,
      at: now,
      status: 'received',
      actorType: actorType(ctx.actor),
      actorId: ctx.actor.id,
    }))!;
    // A phone call to the call centre is not the household using its TV, but it is still a sign.
    for (const r of await q.residentsOf.all({ householdId: ctx.householdId })) {
      await recordLifeSign(tx, r.id, 'order', now);
    }
    await q.insertAudit.run({
      at: now,
      actorType: ctx.actor.type,
      actorId: ctx.actor.id,
      action: 'order.received',
      entity: 'order',
      entityId: String(order.id),
      detail: { channel: ctx.channel, totalYen: priced.totalYen, deliveryDate: day.date },
    });
    return { id: order.id, view: buildOrderView(order, household.hallName, lines, [event], []) };
  });
}

export const actorType = (a: Actor): 'staff' | 'device' | 'system' =>
  a.type === 'family' ? 'system' : a.type;

/** Tracked stock goes down at order time so two households cannot both get the last one. */
export async function reserveStock(
  tx: Parameters<typeof priceLines>[0],
  lines: { productId: number; qty: number }[],
) {
  for (const l of lines) {
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${l.qty}` })
      .where(and(eq(products.id, l.productId), sql`${products.stock} IS NOT NULL`))
      .run();
  }
}

export async function releaseStock(
  tx: Parameters<typeof priceLines>[0],
  lines: { productId: number; qty: number }[],
) {
  for (const l of lines) {
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${l.qty}` })
      .where(and(eq(products.id, l.productId), sql`${products.stock} IS NOT NULL`))
      .run();
  }
}
