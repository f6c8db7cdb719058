import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { order, productId, TUE_0900, readJson } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const get = async (path: string, box = 1) => readJson(await ctx.request(path, { headers: ctx.device(box) }));

describe('favourites, catalogue and "the same as last time"', () => {
  it('lists categories and products with availability and favourites', async () => {
    const cats = await get('/api/shop/categories');
    expect(cats.length).toBeGreaterThan(10);
    const veg = cats.find((c: { name: string }) => c.name === '野菜');
    const list = await get(`/api/shop/categories/${veg.id}/products`);
    const yam = list.find((p: { name: string }) => p.name === '長いも 1/2本');
    expect(yam).toMatchObject({ available: false, unavailableReason: '取り扱い中止' });
    const cabbage = list.find((p: { name: string }) => p.name === 'キャベツ 1玉');
    expect(cabbage).toMatchObject({ available: true, favourite: true, priceYen: 198, weightG: 1200 });
  });

  it('adds and removes favourites, once each', async () => {
    const rice = await productId(ctx, '無洗米 2kg');
    for (let i = 0; i < 2; i++)
      await ctx.json('PUT', `/api/shop/favourites/${rice}`, { favourite: true }, ctx.device(2));
    expect((await get('/api/shop/favourites', 2)).map((p: { id: number }) => p.id)).toEqual([rice]);
    await ctx.json('PUT', `/api/shop/favourites/${rice}`, { favourite: false }, ctx.device(2));
    expect(await get('/api/shop/favourites', 2)).toEqual([]);
    expect(
      (await ctx.json('PUT', '/api/shop/favourites/99999', { favourite: true }, ctx.device(2))).status,
    ).toBe(404);
  });

  it('offers the last order again at today’s price', async () => {
    expect(await get('/api/shop/last-order', 2)).toEqual({ orderId: null, lines: [] });
    const eggs = await productId(ctx, 'たまご 10個');
    const { body } = await order(ctx, [{ productId: eggs, qty: 2 }], { box: 2 });
    const last = await get('/api/shop/last-order', 2);
    expect(last).toMatchObject({
      orderId: body.id,
      lines: [{ qty: 2, product: { id: eggs, priceYen: 258 } }],
    });
  });
});
