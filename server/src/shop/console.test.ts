import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orders } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { getShopSettings } from './shop-settings';
import { productId, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext({ now: TUE_0900, seed: true });
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
  it('lets the call centre take a phoned order once, even when the form is sent twice', async () => {
    const cookie = await ctx.login('callcentre');
    const page = await ctx.request('/console/shop/phone?household=4', { headers: cookie });
    const html = await page.text();
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
    const eggs = productId(ctx, 'たまご 10個');
    const fields = { idempotencyKey: key, lines: `${eggs} 2` };
    const first = await form('/console/shop/phone/orders?household=4', fields, cookie);
    expect(first.status).toBe(303);
    expect(decodeURIComponent(first.headers.get('location')!)).toContain('を受け付けました');
    await form('/console/shop/phone/orders?household=4', fields, cookie);
    const placed = ctx.db.select().from(orders).where(eq(orders.householdId, 4)).all();
    expect(placed).toMatchObject([{ channel: 'call_centre', totalYen: 516 }]);
  });

  it('refuses badly typed lines with a Japanese message and writes nothing', async () => {
    const cookie = await ctx.login('callcentre');
    const counts = tableCounts(ctx);
    const res = await form(
      '/console/shop/phone/orders?household=4',
      { idempotencyKey: 'phone-x-123', lines: 'たまご' },
      cookie,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('「商品番号 数量」の形で');
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
    expect(getShopSettings(ctx.db).calendar).toMatchObject({
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
    expect(getShopSettings(ctx.db).calendar.cutoff).toBe('10:30');
  });

  it('keeps each page to its roles', async () => {
    const store = await ctx.login('store');
    expect((await ctx.request('/console/shop/phone', { headers: store })).status).toBe(403);
    expect((await ctx.request('/console/shop/settings', { headers: store })).status).toBe(403);
    expect((await ctx.request('/console/shop/picking', { headers: store })).status).toBe(200);
    const anon = await ctx.request('/console/shop/picking', { redirect: 'manual' });
    expect(anon.status).toBe(303);
  });
});
