import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orderLines, orders, products } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { saveShopSettings, defaultShopSettings } from './shop-settings';
import { newKey, order, productId, TUE_0900, readJson } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

describe('POST /api/shop/orders', () => {
  it('places an order at the shelf price, for this evening before the cut-off', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const milk = await productId(ctx, '牛乳 1000ml');
    const { res, body } = await order(ctx, [
      { productId: eggs, qty: 2 },
      { productId: milk, qty: 1 },
    ]);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({
      status: 'received',
      statusLabel: '受付',
      deliveryDate: '2026-11-24',
      totalYen: 2 * 258 + 238,
    });
    expect(body.weightG).toBe(2 * 650 + 1060);
    const events = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, body.id)).all();
    expect(events).toMatchObject([{ status: 'received', actorType: 'device', actorId: 1 }]);
  });

  it('keeps the price fixed at order time when the shelf price changes later', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const { body } = await order(ctx, [{ productId: eggs, qty: 1 }]);
    await ctx.db.update(products).set({ priceYen: 999 }).where(eq(products.id, eggs)).run();
    const again = await readJson(
      await ctx.request(`/api/shop/orders/${body.id}`, { headers: ctx.device(1) }),
    );
    expect(again.lines[0]).toMatchObject({ unitPriceYen: 258, amountYen: 258 });
  });

  it('delivers today at 10:59:59 Tokyo and on the next delivery day at 11:00:00 (clock in UTC)', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    ctx.clock.set('2026-11-24T01:59:59Z');
    const before = await order(ctx, [{ productId: eggs, qty: 1 }]);
    expect(before.body.deliveryDate).toBe('2026-11-24');
    const info1 = await readJson(await ctx.request('/api/shop/delivery-info', { headers: ctx.device(1) }));
    expect(info1).toMatchObject({ isToday: true, hallName: expect.any(String) });
    expect(info1.message).toContain('今日の夕方');
    expect(info1.message).toContain(info1.hallName);

    ctx.clock.set('2026-11-24T02:00:00Z');
    const after = await order(ctx, [{ productId: eggs, qty: 1 }]);
    expect(after.body.deliveryDate).toBe('2026-11-25');
    const info2 = await readJson(await ctx.request('/api/shop/delivery-info', { headers: ctx.device(1) }));
    expect(info2).toMatchObject({ isToday: false, date: '2026-11-25' });
    expect(info2.message).toContain('11月25日(水)');
  });

  it('uses the configured cut-off (10:30) and holiday calendar', async () => {
    await saveShopSettings(
      ctx.db,
      { ...defaultShopSettings, calendar: { ...defaultShopSettings.calendar, cutoff: '10:30' } },
      ctx.clock.now(),
    );
    const eggs = await productId(ctx, 'たまご 10個');
    ctx.clock.set('2026-11-24T01:30:00Z'); // 10:30 Tokyo
    expect((await order(ctx, [{ productId: eggs, qty: 1 }])).body.deliveryDate).toBe('2026-11-25');
    ctx.clock.set('2026-11-23T00:00:00Z'); // Mon 23 Nov, 勤労感謝の日
    expect((await order(ctx, [{ productId: eggs, qty: 1 }])).body.deliveryDate).toBe('2026-11-24');
  });

  it('returns the first order when the same idempotency key is sent again', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const key = newKey();
    const first = await order(ctx, [{ productId: eggs, qty: 1 }], { key });
    const counts = tableCounts(ctx);
    const second = await order(ctx, [{ productId: eggs, qty: 3 }], { key });
    expect(first.res.status).toBe(201);
    expect(second.res.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(tableCounts(ctx)).toEqual(counts);
    // The same key from another household is another order.
    const other = await order(ctx, [{ productId: eggs, qty: 1 }], { key, box: 2 });
    expect(other.res.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('makes one order from many concurrent presses with one key', async () => {
    const eggs = await productId(ctx, 'たまご 10個');
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, async () => await order(ctx, [{ productId: eggs, qty: 1 }], { key })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await ctx.db.select().from(orders).all()).toHaveLength(1);
  });

  const refusals: [
    string,
    (c: TestContext) => Promise<{ productId: number; qty: number }[]>,
    string,
    RegExp,
  ][] = [
    [
      'an inactive item',
      async (c) => [{ productId: await productId(c, '長いも 1/2本'), qty: 1 }],
      'product_inactive',
      /取り扱っていません/,
    ],
    [
      'a sold-out item',
      async (c) => [{ productId: await productId(c, '仏花 2束'), qty: 1 }],
      'out_of_stock',
      /品切れ/,
    ],
    [
      'more than the stock',
      async (c) => [{ productId: await productId(c, '季節の花束 1束'), qty: 6 }],
      'out_of_stock',
      /残り 5点/,
    ],
    [
      'more than the per-order limit',
      async (c) => [{ productId: await productId(c, 'たまご 10個'), qty: 11 }],
      'quantity_limit',
      /10点まで/,
    ],
    [
      'the limit dodged by listing an item twice',
      async (c) => [
        { productId: await productId(c, 'たまご 10個'), qty: 6 },
        { productId: await productId(c, 'たまご 10個'), qty: 6 },
      ],
      'quantity_limit',
      /10点まで/,
    ],
    [
      'a parcel heavier than can be delivered',
      async (c) => [
        { productId: await productId(c, '信州産こしひかり 5kg'), qty: 3 },
        { productId: await productId(c, '培養土 5L'), qty: 1 },
      ],
      'too_heavy',
      /15kg を超える/,
    ],
    [
      'an unknown product',
      async () => [{ productId: 99999, qty: 1 }],
      'product_unavailable',
      /注文できません/,
    ],
  ];
  for (const [what, lines, code, message] of refusals) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const counts = tableCounts(ctx);
      const { res, body } = await order(ctx, await lines(ctx));
      expect(res.status).toBe(422);
      expect(body).toMatchObject({ error: { code, message: expect.stringMatching(message) } });
      expect(tableCounts(ctx)).toEqual(counts);
    });
  }

  it('rejects a malformed request and an unknown box', async () => {
    const bad = await ctx.json(
      'POST',
      '/api/shop/orders',
      { idempotencyKey: 'short', lines: [] },
      ctx.device(1),
    );
    expect(bad.status).toBe(400);
    const anon = await ctx.json('POST', '/api/shop/orders', {
      idempotencyKey: newKey(),
      lines: [{ productId: 1, qty: 1 }],
    });
    expect(anon.status).toBe(401);
  });

  it('takes tracked stock at order time', async () => {
    const flowers = await productId(ctx, '季節の花束 1束');
    await order(ctx, [{ productId: flowers, qty: 2 }]);
    expect((await ctx.db.select().from(products).where(eq(products.id, flowers)).get())!.stock).toBe(3);
    const { res } = await order(ctx, [{ productId: flowers, qty: 4 }], { box: 2 });
    expect(res.status).toBe(422);
  });

  it('never shows one household the order of another', async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    expect((await ctx.request(`/api/shop/orders/${body.id}`, { headers: ctx.device(2) })).status).toBe(404);
    const list = await readJson(await ctx.request('/api/shop/orders', { headers: ctx.device(2) }));
    expect(list).toEqual([]);
  });

  it('answers with the same view as reading the order back, lines in cart order', async () => {
    const lines = [
      { productId: await productId(ctx, '牛乳 1000ml'), qty: 1 },
      { productId: await productId(ctx, 'たまご 10個'), qty: 2 },
      { productId: await productId(ctx, '季節の花束 1束'), qty: 1 },
    ];
    const { res, body } = await order(ctx, lines);
    expect(res.status).toBe(201);
    const again = await readJson(
      await ctx.request(`/api/shop/orders/${body.id}`, { headers: ctx.device(1) }),
    );
    expect(body).toEqual(again);
    expect(again.lines.map((l: { productId: number }) => l.productId)).toEqual(lines.map((l) => l.productId));
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(body.id))))
      .all();
    expect(audit).toMatchObject([
      {
        action: 'order.received',
        entity: 'order',
        actorType: 'device',
        actorId: 1,
        at: ctx.clock.now(),
        detail: { channel: 'tv', totalYen: body.totalYen, deliveryDate: '2026-11-24' },
      },
    ]);
  });

  it('writes a full cart of many lines in one order', async () => {
    const ids = (
      await ctx.db
        .select({ id: products.id, stock: products.stock, active: products.active })
        .from(products)
        .all()
    )
      .filter((p) => p.active && p.stock === null)
      .slice(0, 12)
      .map((p) => p.id);
    const { res, body } = await order(
      ctx,
      ids.map((productId) => ({ productId, qty: 1 })),
    );
    expect(res.status).toBe(201);
    expect(await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all()).toHaveLength(
      ids.length,
    );
  });

  it('places orders on two connections at once (statements are prepared per connection)', async () => {
    const other = await createTestContext({ now: TUE_0900, seed: true });
    try {
      const eggs = await productId(ctx, 'たまご 10個');
      const a = await order(ctx, [{ productId: eggs, qty: 1 }]);
      const b = await order(other, [{ productId: eggs, qty: 3 }]);
      const a2 = await order(ctx, [{ productId: eggs, qty: 2 }]);
      expect([a.res.status, b.res.status, a2.res.status]).toEqual([201, 201, 201]);
      expect((await ctx.db.select().from(orders).all()).map((o) => o.totalYen)).toEqual([258, 2 * 258]);
      expect((await other.db.select().from(orders).all()).map((o) => o.totalYen)).toEqual([3 * 258]);
    } finally {
      other.close();
    }
  });
});
