import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { charges, orderLines, orders } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { systemActor } from '../lib/audit';
import { listPackedOrders } from './list-packed-orders';
import { pickingListCsv } from './picking-list-csv';
import { buildPickingList } from './build-picking-list';
import { setOrderStatus } from './set-order-status';
import { startPicking } from './start-picking';
import { order, productId, TUE_0900, readJson } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

async function placeThree() {
  const eggs = await productId(ctx, 'たまご 10個');
  const milk = await productId(ctx, '牛乳 1000ml');
  const a = await order(ctx, [
    { productId: eggs, qty: 2 },
    { productId: milk, qty: 1 },
  ]);
  const b = await order(ctx, [{ productId: milk, qty: 3 }], { box: 5 });
  return { a: a.body.id, b: b.body.id };
}

const linesOf = async (id: number) =>
  await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, id)).all();

describe('store picking and packing', () => {
  it('moves orders to 準備中 at the cut-off, once, and catches up after downtime', async () => {
    const { a, b } = await placeThree();
    expect((await startPicking(ctx.db, ctx.clock.now())).orderIds).toEqual([]);
    ctx.clock.set('2026-11-24T05:00:00Z'); // 14:00, the server was down at 11:00
    expect((await startPicking(ctx.db, ctx.clock.now())).orderIds).toEqual([a, b]);
    expect((await startPicking(ctx.db, ctx.clock.now())).orderIds).toEqual([]);
    const view = await readJson(await ctx.request(`/api/shop/orders/${a}`, { headers: ctx.device(1) }));
    expect(view).toMatchObject({ status: 'preparing', statusLabel: '準備中' });
  });

  it('lists the day per seller and hamlet, as a page, JSON and CSV', async () => {
    const { a } = await placeThree();
    const store = await ctx.login('store');
    const res = await ctx.request('/api/shop/staff/picking-list?date=2026-11-24', { headers: store });
    const list = await readJson(res);
    expect(list.sellers).toHaveLength(1);
    expect(list.sellers[0].sellerName).toBe('高遠ふれあいマート');
    const rows = list.sellers[0].hamlets.flatMap((h: { rows: unknown[] }) => h.rows);
    expect(rows).toHaveLength(3);
    // The drugstore sees none of the supermarket's lines.
    const drug = await ctx.login('store-drug');
    const none = await readJson(
      await ctx.request('/api/shop/staff/picking-list?date=2026-11-24', { headers: drug }),
    );
    expect(none.sellers).toEqual([]);

    const csv = pickingListCsv(await buildPickingList(ctx.db, '2026-11-24'));
    expect(csv.split('\r\n')[0]).toContain('配達日,店舗,集落,公民館,注文番号');
    expect(csv).toContain(`,${a},`);
    const page = await ctx.request('/console/shop/picking?date=2026-11-24', { headers: store });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('たまご 10個');
    const csvRes = await ctx.request('/console/shop/picking.csv?date=2026-11-24', { headers: store });
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
  });

  it('packs only when every line is picked, and reports missing lines to the TV without charging them', async () => {
    const { a } = await placeThree();
    ctx.clock.set('2026-11-24T02:00:00Z');
    await startPicking(ctx.db, ctx.clock.now());
    const store = await ctx.login('store');
    const [eggsLine, milkLine] = await linesOf(a);
    const early = await ctx.request(`/api/shop/staff/orders/${a}/pack`, { method: 'POST', headers: store });
    expect(early.status).toBe(409);
    expect((await readJson(early)).error.message).toContain('まだピックしていない');

    await ctx.json('POST', `/api/shop/staff/lines/${eggsLine!.id}/pick`, { missingQty: 1 }, store);
    await ctx.json('POST', `/api/shop/staff/lines/${milkLine!.id}/pick`, {}, store);
    const tooMany = await ctx.json(
      'POST',
      `/api/shop/staff/lines/${milkLine!.id}/pick`,
      { missingQty: 5 },
      store,
    );
    expect(tooMany.status).toBe(422);
    const packed = await ctx.request(`/api/shop/staff/orders/${a}/pack`, { method: 'POST', headers: store });
    expect(packed.status).toBe(200);
    expect(await listPackedOrders(ctx.db, '2026-11-24')).toEqual([
      { id: a, hamletId: expect.any(Number), householdId: 1, weightG: 650 + 1060, airEligible: true },
    ]);

    const tv = await readJson(await ctx.request(`/api/shop/orders/${a}`, { headers: ctx.device(1) }));
    expect(tv.missingNotes).toEqual(['たまご 10個：1点 品切れ（請求しません）']);
    expect(tv.totalYen).toBe(258 + 238);
    // After packing, lines are frozen.
    const late = await ctx.json(
      'POST',
      `/api/shop/staff/lines/${milkLine!.id}/pick`,
      { missingQty: 1 },
      store,
    );
    expect(late.status).toBe(409);

    // Drone base: 配送中 → 公民館に到着; support worker hands over → charges for the supplied quantity only.
    await ctx.db.transaction(async (tx) => {
      await setOrderStatus(tx, a, 'in_transit', systemActor, ctx.clock.now(), { deliveryMode: 'drone' });
      await setOrderStatus(tx, a, 'at_hall', systemActor, ctx.clock.now());
    });
    const support = await ctx.login('support');
    const handed = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${a}/handover`,
      { outcome: 'handed', note: '元気そう' },
      support,
    );
    expect(handed.status).toBe(200);
    const rows = await ctx.db.select().from(charges).where(eq(charges.orderId, a)).all();
    expect(rows.map((r) => [r.sourceKey, r.amountYen, r.taxRate, r.kind, r.month])).toEqual([
      [`order-line:${eggsLine!.id}`, 258, 8, 'goods', '2026-11'],
      [`order-line:${milkLine!.id}`, 238, 8, 'goods', '2026-11'],
    ]);
  });

  it('cancels an order whose every line is missing, with nothing to charge', async () => {
    const { b } = await placeThree();
    const store = await ctx.login('store');
    ctx.clock.set('2026-11-24T02:00:00Z'); // the store packs after the 11:00 cut-off
    const [line] = await linesOf(b);
    await ctx.json('POST', `/api/shop/staff/lines/${line!.id}/pick`, { missingQty: 3 }, store);
    const res = await ctx.request(`/api/shop/staff/orders/${b}/pack`, { method: 'POST', headers: store });
    expect(await readJson(res)).toMatchObject({ status: 'cancelled', totalYen: 0 });
  });

  it('flags a parcel with goods that may not fly', async () => {
    const fert = await productId(ctx, '液体肥料 1本');
    const { body } = await order(ctx, [{ productId: fert, qty: 1 }]);
    const store = await ctx.login('store');
    ctx.clock.set('2026-11-24T02:00:00Z'); // the store packs after the 11:00 cut-off
    for (const l of await linesOf(body.id))
      await ctx.json('POST', `/api/shop/staff/lines/${l.id}/pick`, {}, store);
    await ctx.request(`/api/shop/staff/orders/${body.id}/pack`, { method: 'POST', headers: store });
    expect((await listPackedOrders(ctx.db, '2026-11-24'))[0]).toMatchObject({
      id: body.id,
      airEligible: false,
    });
    expect((await ctx.db.select().from(orders).where(eq(orders.id, body.id)).get())!.status).toBe(
      'preparing',
    );
  });
});
