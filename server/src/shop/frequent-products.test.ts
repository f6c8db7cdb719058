import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { pastOrder } from '../../../test/helpers/shop-history';
import { productId, readJson, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const frequent = async (box: number) =>
  (
    (await readJson(await ctx.request('/api/shop/frequent', { headers: ctx.device(box) }))) as Array<{
      name: string;
    }>
  ).map((p) => p.name);

describe('よく買うもの', () => {
  it("lists the products of the household's delivered orders, most often bought first, then the latest", async () => {
    const id = async (name: string) => await productId(ctx, name);
    const line = async (name: string) => ({ productId: await id(name), qty: 1 });
    await pastOrder(
      ctx.db,
      4,
      [await line('牛乳 1000ml'), await line('たまご 10個')],
      new Date('2026-11-03T00:00:00Z'),
    );
    await pastOrder(
      ctx.db,
      4,
      [await line('牛乳 1000ml'), await line('マスク 30枚')],
      new Date('2026-11-10T00:00:00Z'),
    );
    await pastOrder(
      ctx.db,
      4,
      [await line('牛乳 1000ml'), await line('ほうれん草 1束')],
      new Date('2026-11-17T00:00:00Z'),
    );
    // Neither an order still on its way nor a cancelled one says what the resident really uses.
    await pastOrder(ctx.db, 4, [await line('ビール 350ml')], new Date('2026-11-23T00:00:00Z'), {
      until: 'in_transit',
    });
    // Another household's history is its own.
    await pastOrder(ctx.db, 5, [await line('せんべい 1袋')], new Date('2026-11-17T00:00:00Z'));

    expect(await frequent(4)).toEqual(['牛乳 1000ml', 'ほうれん草 1束', 'マスク 30枚', 'たまご 10個']);
    expect(await frequent(5)).toEqual(['せんべい 1袋']);
    expect(await frequent(6)).toEqual([]);
  });
});
