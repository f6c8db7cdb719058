import { and, asc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Db, DbOrTx } from '../../../db/src';
import { cartLines, products } from '../../../db/src/schema';
import { notFound, unprocessable } from '../lib/errors';
import { favouriteIds, ProductSchema, toProductView } from './list-catalogue';

/** A client's sequence number: any increasing integer (the TV uses its clock in ms, kept increasing). */
const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const SetCartLineInput = z
  .object({
    /** Absolute quantity; 0 takes the product out of the cart. */
    qty: z.number().int().min(0).max(99),
    seq: Seq,
  })
  .openapi('ShopSetCartLine');
export type SetCartLineInput = z.infer<typeof SetCartLineInput>;

export const CartSchema = z
  .object({
    /** The highest seq the household's cart has seen: a client's next write must be greater. */
    seq: z.number(),
    /**
     * Lines with today's product (price, availability, maxPerOrder). A product taken out of the
     * catalogue is dropped; one out of stock stays, with `available: false`, for the TV to say so.
     * Lines come in the order they were last changed.
     */
    lines: z.array(z.object({ product: ProductSchema, qty: z.number() })),
  })
  .openapi('ShopCart');
export type CartView = z.infer<typeof CartSchema>;

export async function getCart(db: DbOrTx, householdId: number): Promise<CartView> {
  const seq =
    (
      await db
        .select({ seq: max(cartLines.seq) })
        .from(cartLines)
        .where(eq(cartLines.householdId, householdId))
        .get()
    )?.seq ?? 0;
  const favs = await favouriteIds(db, householdId);
  const rows = await db
    .select({ p: products, qty: cartLines.qty })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(and(eq(cartLines.householdId, householdId), gt(cartLines.qty, 0), eq(products.active, true)))
    .orderBy(asc(cartLines.seq), asc(cartLines.productId))
    .all();
  return { seq, lines: rows.map((r) => ({ product: toProductView(r.p, favs.has(r.p.id)), qty: r.qty })) };
}

/**
 * Sets one line's quantity, unless a write with a greater or equal seq already set it: a resend
 * or an older write arriving late changes nothing, so the last press wins. Refusals (unknown
 * product, not sold, beyond the per-order limit) write nothing. Returns the cart as it now is.
 */
export async function setCartLine(
  db: Db,
  householdId: number,
  productId: number,
  input: SetCartLineInput,
  now: Date,
): Promise<CartView> {
  return await db.transaction(async (tx) => {
    const p = await tx.select().from(products).where(eq(products.id, productId)).get();
    if (!p) throw notFound('Product');
    if (input.qty > 0) {
      const view = toProductView(p, false);
      if (!view.available)
        throw unprocessable('not_available', `${p.name}は${view.unavailableReason ?? '注文できません'}です`);
      if (input.qty > view.maxPerOrder)
        throw unprocessable('too_many', `${p.name}は1回に${view.maxPerOrder}点までです`);
    }
    await tx
      .insert(cartLines)
      .values({ householdId, productId, qty: input.qty, seq: input.seq, updatedAt: now })
      .onConflictDoUpdate({
        target: [cartLines.householdId, cartLines.productId],
        set: { qty: input.qty, seq: input.seq, updatedAt: now },
        setWhere: sql`excluded.seq > ${cartLines.seq}`,
      })
      .run();
    return await getCart(tx, householdId);
  });
}

/**
 * Takes ordered products out of the household's cart, inside the order's transaction. The rows
 * stay as qty 0 with their seq, so a write sent before the order and arriving after it is still
 * refused as older.
 */
export async function emptyCartLines(
  tx: DbOrTx,
  householdId: number,
  productIds: number[],
  now: Date,
): Promise<void> {
  if (productIds.length === 0) return;
  await tx
    .update(cartLines)
    .set({ qty: 0, updatedAt: now })
    .where(and(eq(cartLines.householdId, householdId), inArray(cartLines.productId, productIds)))
    .run();
}
