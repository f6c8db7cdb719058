import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { products } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { order, productId, readJson, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const getCart = async (box = 1) =>
  readJson(await ctx.request('/api/shop/cart', { headers: ctx.device(box) }));
const put = (id: number, qty: number, seq: number, box = 1) =>
  ctx.json('PUT', `/api/shop/cart/lines/${id}`, { qty, seq }, ctx.device(box));
const linesOf = (cart: { lines: { product: { id: number }; qty: number }[] }) =>
  cart.lines.map((l) => [l.product.id, l.qty]);

describe('the household cart on the server', () => {
  it('keeps lines with today’s product data and the highest seq seen', async () => {
    expect(await getCart()).toEqual({ seq: 0, lines: [] });
    const eggs = await productId(ctx, 'たまご 10個');
    const rice = await productId(ctx, '無洗米 2kg');
    expect((await put(eggs, 2, 10)).status).toBe(200);
    const res = await put(rice, 1, 11);
    expect(linesOf(await readJson(res))).toEqual([
      [eggs, 2],
      [rice, 1],
    ]);
    const cart = await getCart();
    expect(cart.seq).toBe(11);
    expect(cart.lines[0]).toMatchObject({
      qty: 2,
      product: { name: 'たまご 10個', priceYen: 258, available: true },
    });
    await put(eggs, 0, 12);
    expect(linesOf(await getCart())).toEqual([[rice, 1]]);
  });

  it('lets the last press win: a resend or an older write arriving late changes nothing', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    await put(eggs, 3, 20);
    await put(eggs, 1, 19); // sent before, arrived after
    await put(eggs, 5, 20); // same seq again
    expect(linesOf(await getCart())).toEqual([[eggs, 3]]);
    await put(eggs, 0, 21);
    await put(eggs, 2, 20); // a late write cannot bring a removed line back
    expect(await getCart()).toEqual({ seq: 21, lines: [] });
  });

  it('refuses unknown, unsold and too many, writing nothing', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const yam = await productId(ctx, '長いも 1/2本'); // taken off the shelf in the demo
    const before = tableCounts(ctx);
    expect((await put(99999, 1, 1)).status).toBe(404);
    const unsold = await put(yam, 1, 2);
    expect(unsold.status).toBe(422);
    expect((await readJson(unsold)).error.message).toContain('取り扱い中止');
    const max = (await ctx.db.select().from(products).where(eq(products.id, eggs)).get())!.maxPerOrder;
    expect((await put(eggs, max + 1, 3)).status).toBe(422);
    expect((await put(eggs, -1, 4)).status).toBe(400);
    expect((await put(eggs, 1, 0)).status).toBe(400);
    expect(tableCounts(ctx)).toEqual(before);
    // Taking an unsold product out is always allowed.
    expect((await put(yam, 0, 5)).status).toBe(200);
  });

  it('drops a line whose product left the catalogue and marks one out of stock', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const rice = await productId(ctx, '無洗米 2kg');
    await put(eggs, 1, 1);
    await put(rice, 1, 2);
    await ctx.db.update(products).set({ active: false }).where(eq(products.id, eggs)).run();
    await ctx.db.update(products).set({ stock: 0 }).where(eq(products.id, rice)).run();
    const cart = await getCart();
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({
      product: { id: rice, available: false, unavailableReason: '品切れ' },
    });
  });

  it('shows a box only its own household’s cart', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    await put(eggs, 2, 1, 1);
    expect(await getCart(2)).toEqual({ seq: 0, lines: [] });
    await put(eggs, 4, 1, 2);
    expect(linesOf(await getCart(1))).toEqual([[eggs, 2]]);
    expect(linesOf(await getCart(2))).toEqual([[eggs, 4]]);
  });

  it('empties the ordered lines when the order is placed, and a write sent before stays refused', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const rice = await productId(ctx, '無洗米 2kg');
    await put(eggs, 2, 5);
    await put(rice, 1, 6);
    const { res } = await order(ctx, [{ productId: eggs, qty: 2 }]);
    expect(res.status).toBe(201);
    expect(linesOf(await getCart())).toEqual([[rice, 1]]);
    await put(eggs, 2, 5); // the same write resent after the order
    expect(linesOf(await getCart())).toEqual([[rice, 1]]);
    await put(eggs, 1, 7); // a new press after the order starts a new cart line
    expect(linesOf(await getCart())).toEqual([
      [rice, 1],
      [eggs, 1],
    ]);
  });
});
