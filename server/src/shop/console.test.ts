import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderLines, orders } from '../../../db/src/schema';
import { UNLIMITED_SCOPE } from '../auth/scope';
import { systemActor } from '../lib/audit';
import { hubOf } from '../live/publish';
import { listConcernHandovers } from './list-concern-handovers';
import { packOrder } from './pack-order';
import { pickLine } from './pick-line';
import { setOrderStatus } from './set-order-status';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { getShopSettings } from './shop-settings';
import { order, productId, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const form = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
  return ctx.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
};

describe('shop console', () => {
  it('finds a household by name, kana or phone, and a product by name', async () => {
    const cookie = await ctx.login('callcentre');
    const page = async (q: string) =>
      (await ctx.request(`/console/shop/phone?${q}`, { headers: cookie })).text();
    for (const q of ['宮下', 'みやした', 'ミヤシタ', '0265982052', '0265-98-2052'])
      expect(await page(`q=${encodeURIComponent(q)}`)).toContain('href="/console/shop/phone?household=4"');
    expect(await page('q=%E3%81%BB%E3%81%92%E3%81%BB%E3%81%92')).toContain('に当たる世帯はありません');
    const eggs = await productId(ctx, 'たまご 10個');
    const found = await page(`household=4&pq=${encodeURIComponent('たまご')}`);
    expect(found).toContain(`name="add" value="${eggs}"`);
    // 追加 twice: one line with 2, the typed quantity of another line kept.
    const added = await page(`household=4&idempotencyKey=phone-k-1234&productId=${eggs}&qty=1&add=${eggs}`);
    expect(added).toMatch(/name="qty" value="2"/);
    expect(added).toContain('value="phone-k-1234"');
  });

  it('lets the call centre take a phoned order once, even when the form is sent twice', async () => {
    const cookie = await ctx.login('callcentre');
    const page = await ctx.request('/console/shop/phone?household=4', { headers: cookie });
    const html = await page.text();
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
    const eggs = await productId(ctx, 'たまご 10個');
    const fields = { idempotencyKey: key, productId: [String(eggs)], qty: ['2'] };
    const first = await form('/console/shop/phone/orders?household=4', fields, cookie);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/console/shop/phone?household=4');
    const after = await ctx.request('/console/shop/phone?household=4', {
      headers: { cookie: `${cookie.cookie}; ${first.headers.get('set-cookie')!.split(';')[0]}` },
    });
    expect(await after.text()).toContain('を受け付けました');
    await form('/console/shop/phone/orders?household=4', fields, cookie);
    const placed = await ctx.db.select().from(orders).where(eq(orders.householdId, 4)).all();
    expect(placed).toMatchObject([{ channel: 'call_centre', totalYen: 516 }]);
  });

  it('keeps every typed line when one is wrong, names that line, and writes nothing', async () => {
    const cookie = await ctx.login('callcentre');
    const counts = tableCounts(ctx);
    const eggs = await productId(ctx, 'たまご 10個');
    const milk = await productId(ctx, '牛乳 1000ml');
    const res = await form(
      '/console/shop/phone/orders?household=4',
      { idempotencyKey: 'phone-x-123', productId: [String(eggs), String(milk)], qty: ['3', 'たくさん'] },
      cookie,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('2行目：数量は1〜99の数字で入力してください');
    expect(html).toContain('name="qty" value="3"');
    expect(html).toMatch(/name="qty" value="たくさん"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="phone-x-123"');
    // A quantity over the product's limit is refused by the order itself: still the form, that line named.
    const over = await form(
      '/console/shop/phone/orders?household=4',
      { idempotencyKey: 'phone-x-124', productId: [String(eggs), String(milk)], qty: ['1', '99'] },
      cookie,
    );
    expect(over.status).toBe(422);
    expect(await over.text()).toMatch(/2行目：「牛乳 1000ml」は1回に/);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it('lets the city change the cut-off and closed days, and the TV follows', async () => {
    const cookie = await ctx.login('city');
    const res = await form(
      '/console/shop/settings',
      {
        cutoff: '10:30',
        weekday: ['1', '2', '3', '4', '5'],
        observePublicHolidays: '1',
        closedDates: '2026-12-30 2026-12-31',
        openDates: '',
        maxOrderWeightG: '15000',
        maxLinesPerOrder: '30',
      },
      cookie,
    );
    expect(res.status).toBe(303);
    expect((await getShopSettings(ctx.db)).calendar).toMatchObject({
      cutoff: '10:30',
      closedDates: ['2026-12-30', '2026-12-31'],
    });
    ctx.clock.set('2026-11-24T01:30:00Z'); // 10:30 Tokyo
    const info = await (await ctx.request('/api/shop/delivery-info', { headers: ctx.device(1) })).json();
    expect(info).toMatchObject({ isToday: false, cutoff: '10:30' });
    const bad = await form(
      '/console/shop/settings',
      { cutoff: '25:00', maxOrderWeightG: '1', maxLinesPerOrder: '0' },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect((await getShopSettings(ctx.db)).calendar.cutoff).toBe('10:30');
  });

  it('keeps each page to its roles', async () => {
    const store = await ctx.login('store');
    expect((await ctx.request('/console/shop/phone', { headers: store })).status).toBe(403);
    expect((await ctx.request('/console/shop/settings', { headers: store })).status).toBe(403);
    expect((await ctx.request('/console/shop/picking', { headers: store })).status).toBe(200);
    const anon = await ctx.request('/console/shop/picking', { redirect: 'manual' });
    expect(anon.status).toBe(303);
  });

  it('marks a line picked, missing and back again on the picking board, publishing each change', async () => {
    const events: string[] = [];
    hubOf(ctx.deps).subscribe({
      role: 'store_staff',
      scope: { sellerIds: null, hamletIds: null },
      topics: new Set(['shop']),
      deliver: (e) => events.push(e.type),
    });
    const eggs = await productId(ctx, 'たまご 10個');
    const { body } = await order(ctx, [{ productId: eggs, qty: 2 }]);
    const line = (await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).get())!;
    const store = await ctx.login('store');
    const board = await (
      await ctx.request('/console/shop/picking?date=2026-11-24', { headers: store })
    ).text();
    expect(board).toContain('0/1</strong> 行（ピック済み 0・欠品 0・残り 1）');
    const bad = await form(
      `/console/shop/picking/lines/${line.id}?date=2026-11-24`,
      { missingQty: 'x' },
      store,
    );
    expect(bad.status).toBe(400);
    const missing = await form(
      `/console/shop/picking/lines/${line.id}?date=2026-11-24`,
      { missingQty: '1' },
      store,
    );
    expect(missing.status).toBe(303);
    expect(await ctx.db.select().from(orderLines).where(eq(orderLines.id, line.id)).get()).toMatchObject({
      missingQty: 1,
    });
    const after = await (
      await ctx.request('/console/shop/picking?date=2026-11-24', { headers: store })
    ).text();
    expect(after).toContain('1/1</strong> 行（ピック済み 0・欠品 1・残り 0）');
    expect(after).toContain(`/console/shop/picking/lines/${line.id}/undo`);
    const undo = await form(`/console/shop/picking/lines/${line.id}/undo?date=2026-11-24`, {}, store);
    expect(undo.status).toBe(303);
    expect(await ctx.db.select().from(orderLines).where(eq(orderLines.id, line.id)).get()).toMatchObject({
      missingQty: 0,
      pickedAt: null,
    });
    expect(events).toEqual(['order.placed', 'picking.changed', 'picking.changed']);
  });

  it('asks for a note with 気になる at the hall, keeping the choice, and shows a 不在 parcel the next day', async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    ctx.clock.set('2026-11-24T02:00:00Z');
    const now = ctx.clock.now();
    for (const l of await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all())
      await pickLine(ctx.db, l.id, { missingQty: 0 }, systemActor, now);
    await packOrder(ctx.db, body.id, systemActor, now);
    await ctx.db.transaction(async (tx) => {
      await setOrderStatus(tx, body.id, 'in_transit', systemActor, now, { deliveryMode: 'drone' });
      await setOrderStatus(tx, body.id, 'at_hall', systemActor, now);
    });
    const support = await ctx.login('support');
    const url = `/console/shop/hall/orders/${body.id}/handover?date=2026-11-24`;
    const refused = await form(url, { outcome: 'concern', note: '' }, support);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('「気になる」のときは、気づいたことをメモに書いてください');
    expect(html).toMatch(/<option value="concern" selected/);
    expect(html).toMatch(/aria-invalid="true"/);
    expect((await form(url, { outcome: 'absent', note: '' }, support)).status).toBe(303);
    ctx.clock.set('2026-11-25T00:00:00Z');
    const tomorrow = await ctx.login('support');
    const next = await (
      await ctx.request('/console/shop/hall?date=2026-11-25', { headers: tomorrow })
    ).text();
    expect(next).toContain('前日から');
    expect(next).toContain(`#${body.id} を記録する`);
    const ok = await form(
      `/console/shop/hall/orders/${body.id}/handover?date=2026-11-25`,
      { outcome: 'concern', note: '足を引きずっていた' },
      tomorrow,
    );
    expect(ok.status).toBe(303);
    expect(await listConcernHandovers(ctx.db, UNLIMITED_SCOPE, '2026-11-25')).toMatchObject([
      { note: '足を引きずっていた' },
    ]);
  });
});
