import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orderLines, products } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { order, productId, TUE_0900, readJson } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

describe('cancelling and changing an order', () => {
  it('lets the resident cancel until 10:59:59 and gives the stock back', async () => {
    const flowers = await productId(ctx, '季節の花束 1束');
    const { body } = await order(ctx, [{ productId: flowers, qty: 2 }]);
    ctx.clock.set('2026-11-24T01:59:59Z');
    const res = await ctx.request(`/api/shop/orders/${body.id}/cancel`, {
      method: 'POST',
      headers: ctx.device(1),
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ status: 'cancelled', statusLabel: '取り消し' });
    expect((await ctx.db.select().from(products).where(eq(products.id, flowers)).get())!.stock).toBe(5);
    const events = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, body.id)).all();
    expect(events.map((e) => e.status)).toEqual(['received', 'cancelled']);
  });

  it('refuses to cancel from 11:00:00 Tokyo and changes nothing', async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    ctx.clock.set('2026-11-24T02:00:00Z');
    const counts = tableCounts(ctx);
    const res = await ctx.request(`/api/shop/orders/${body.id}/cancel`, {
      method: 'POST',
      headers: ctx.device(1),
    });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.message).toMatch(/締め切り（11:00）/);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it("does not let a box cancel another household's order", async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    const res = await ctx.request(`/api/shop/orders/${body.id}/cancel`, {
      method: 'POST',
      headers: ctx.device(2),
    });
    expect(res.status).toBe(404);
  });

  it('lets the call centre place, change and cancel an order for a resident who phoned', async () => {
    const cookie = await ctx.login('callcentre');
    const eggs = await productId(ctx, 'たまご 10個');
    const milk = await productId(ctx, '牛乳 1000ml');
    const placed = await ctx.json(
      'POST',
      '/api/shop/staff/orders',
      { householdId: 3, idempotencyKey: 'phone-call-0001', lines: [{ productId: eggs, qty: 1 }] },
      cookie,
    );
    expect(placed.status).toBe(201);
    const o = await readJson(placed);
    expect(o).toMatchObject({ householdId: 3, channel: 'call_centre', totalYen: 258 });

    const changed = await ctx.json(
      'PUT',
      `/api/shop/staff/orders/${o.id}/lines`,
      { lines: [{ productId: milk, qty: 2 }] },
      cookie,
    );
    expect(changed.status).toBe(200);
    expect(await readJson(changed)).toMatchObject({ totalYen: 476, lines: [{ productId: milk, qty: 2 }] });

    const cancelled = await ctx.request(`/api/shop/staff/orders/${o.id}/cancel`, {
      method: 'POST',
      headers: cookie,
    });
    expect(await readJson(cancelled)).toMatchObject({ status: 'cancelled' });
    const actions = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'order'), eq(auditLog.entityId, String(o.id))))
      .all();
    expect(actions.map((a) => a.action)).toEqual(['order.received', 'order.changed', 'order.cancelled']);
    expect(actions.every((a) => a.actorType === 'staff')).toBe(true);
  });

  it('refuses the call centre a change that breaks a rule, keeping the old lines', async () => {
    const cookie = await ctx.login('callcentre');
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    const counts = tableCounts(ctx);
    const res = await ctx.json(
      'PUT',
      `/api/shop/staff/orders/${body.id}/lines`,
      { lines: [{ productId: await productId(ctx, '長いも 1/2本'), qty: 1 }] },
      cookie,
    );
    expect(res.status).toBe(422);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('keeps other roles away from call-centre routes', async () => {
    const store = await ctx.login('store');
    const res = await ctx.json(
      'POST',
      '/api/shop/staff/orders',
      { householdId: 1, idempotencyKey: 'phone-call-0002', lines: [{ productId: 1, qty: 1 }] },
      store,
    );
    expect(res.status).toBe(403);
  });
});

describe('an early pick does not take the resident’s cancellation away', () => {
  it('a line picked at 10:45 keeps the order 受付; the cancel at 10:50 succeeds and the store sees what to put back', async () => {
    const flowers = await productId(ctx, '季節の花束 1束');
    const { body } = await order(ctx, [{ productId: flowers, qty: 2 }]);
    const [line] = await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all();
    const store = await ctx.login('store');

    ctx.clock.set('2026-11-24T01:45:00Z'); // 10:45 Tokyo
    const pick = await ctx.json('POST', `/api/shop/staff/lines/${line!.id}/pick`, {}, store);
    expect(pick.status).toBe(200);
    const tv = await readJson(await ctx.request(`/api/shop/orders/${body.id}`, { headers: ctx.device(1) }));
    expect(tv).toMatchObject({ status: 'received', statusLabel: '受付' });
    const earlyPack = await ctx.request(`/api/shop/staff/orders/${body.id}/pack`, {
      method: 'POST',
      headers: store,
    });
    expect(earlyPack.status).toBe(409);
    expect((await readJson(earlyPack)).error.message).toContain('締め切り');

    ctx.clock.set('2026-11-24T01:50:00Z'); // 10:50
    const cancel = await ctx.request(`/api/shop/orders/${body.id}/cancel`, {
      method: 'POST',
      headers: ctx.device(1),
    });
    expect(cancel.status).toBe(200);
    expect(await readJson(cancel)).toMatchObject({ status: 'cancelled' });
    expect((await ctx.db.select().from(products).where(eq(products.id, flowers)).get())!.stock).toBe(5);

    const list = await readJson(
      await ctx.request('/api/shop/staff/picking-list?date=2026-11-24', { headers: store }),
    );
    const rows = list.sellers.flatMap((s: { hamlets: { rows: unknown[] }[] }) =>
      s.hamlets.flatMap((h) => h.rows),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ orderId: body.id, orderStatus: 'cancelled', picked: true }),
    );
    const page = await (
      await ctx.request('/console/shop/picking?date=2026-11-24', { headers: store })
    ).text();
    expect(page).toContain('取り消し・棚に戻してください');
  });
});
