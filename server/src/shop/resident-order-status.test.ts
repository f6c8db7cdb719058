import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orders } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { pastOrder } from '../../../test/helpers/shop-history';
import { deliverySentence } from './resident-order-status';
import { order, productId, readJson, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const listMine = async (box = 1) =>
  (await readJson(await ctx.request('/api/shop/orders', { headers: ctx.device(box) }))) as Array<{
    id: number;
    status: string;
    cancellable: boolean;
    cancelRefusal: string | null;
    deliverySentence: string | null;
  }>;

describe('what the TV may offer on an order', () => {
  it('offers the cancel while 受付 before the cut-off, and not from 11:00 Tokyo', async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    expect((await listMine()).find((o) => o.id === body.id)).toMatchObject({
      cancellable: true,
      cancelRefusal: null,
    });
    ctx.clock.set('2026-11-24T02:00:00Z');
    const [late] = await listMine();
    expect(late).toMatchObject({ id: body.id, cancellable: false });
    expect(late!.cancelRefusal).toMatch(/締め切り（11:00）を過ぎた/);
    const one = await readJson(await ctx.request(`/api/shop/orders/${body.id}`, { headers: ctx.device(1) }));
    expect(one).toMatchObject({ cancellable: false });
  });

  it('offers no cancel on a delivered order, says it in the past tense, and the cancel route refuses it in Japanese', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const id = await pastOrder(ctx.db, 1, [{ productId: eggs, qty: 1 }], new Date('2026-11-17T00:00:00Z'));
    const [o] = await listMine();
    expect(o).toMatchObject({
      id,
      status: 'delivered',
      cancellable: false,
      cancelRefusal: 'お届け済みの注文は取り消せません',
      deliverySentence: 'ドローンでお届けしました。お受け取りになりました',
    });
    const counts = tableCounts(ctx);
    const res = await ctx.request(`/api/shop/orders/${id}/cancel`, {
      method: 'POST',
      headers: ctx.device(1),
    });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.message).toBe('お届け済みの注文は取り消せません');
    expect(tableCounts(ctx)).toEqual(counts);
    expect((await ctx.db.select().from(orders).where(eq(orders.id, id)).get())!.status).toBe('delivered');
  });

  it('refuses a cancel once the store is preparing, even before the cut-off', async () => {
    const id = await pastOrder(
      ctx.db,
      2,
      [{ productId: await productId(ctx, '牛乳 1000ml'), qty: 1 }],
      ctx.clock.now(),
      {
        until: 'preparing',
      },
    );
    const [o] = await listMine(2);
    expect(o).toMatchObject({ id, cancellable: false, deliverySentence: null });
    const res = await ctx.request(`/api/shop/orders/${id}/cancel`, {
      method: 'POST',
      headers: ctx.device(2),
    });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.message).toBe('お店が準備を始めたので、この注文は取り消せません');
  });
});

describe('deliverySentence', () => {
  it('says how the parcel travels in the tense of its status', () => {
    expect(deliverySentence('received', null, null)).toBeNull();
    expect(deliverySentence('preparing', 'drone', null)).toBe('ドローンでお届けします');
    expect(deliverySentence('preparing', 'car', '天候のため、車でお届けします')).toBe(
      '天候のため、車でお届けします',
    );
    expect(deliverySentence('preparing', 'car', null)).toBe('車でお届けします');
    expect(deliverySentence('in_transit', 'drone', null)).toBe('ドローンで公民館へ運んでいます');
    expect(deliverySentence('in_transit', 'car', '天候のため、車でお届けします')).toBe(
      '天候のため、車で公民館へ運んでいます',
    );
    expect(deliverySentence('preparing', 'car', '風が強いため')).toBe('風が強いため、車でお届けします');
    expect(deliverySentence('in_transit', 'car', '風が強いため')).toBe(
      '風が強いため、車で公民館へ運んでいます',
    );
    expect(deliverySentence('at_hall', 'car', null)).toBe(
      '車で公民館に届きました。公民館でお受け取りください',
    );
    expect(deliverySentence('delivered', 'drone', null)).toBe(
      'ドローンでお届けしました。お受け取りになりました',
    );
    expect(deliverySentence('delivered', 'car', '天候のため、車でお届けします')).toBe(
      '車でお届けしました。お受け取りになりました',
    );
    expect(deliverySentence('cancelled', 'drone', null)).toBeNull();
  });
});
