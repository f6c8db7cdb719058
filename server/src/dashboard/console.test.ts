import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { addOrder } from '../../../test/helpers/dashboard-rows';

let ctx: TestContext;
afterEach(() => ctx?.close());
const html = { accept: 'text/html' };

describe('city dashboard page', () => {
  it('shows city staff every figure with Japanese headings, weeks or months', async () => {
    ctx = await createTestContext();
    const cookie = await ctx.login('city');
    const week = await ctx.request('/console/dashboard', { headers: cookie });
    expect(week.status).toBe(200);
    const text = await week.text();
    for (const title of [
      '登録世帯数',
      '注文数と品数',
      '相乗り率',
      '見守りアラート',
      '売上と手数料',
      '口座振替の不能（件数）',
    ])
      expect(text).toContain(title);
    expect(text).toContain('11月23日の週');
    expect(text).toContain('src="/console/dashboard/assets/uplot.js"');
    const month = await (
      await ctx.request('/console/dashboard?unit=month&hamlet=2', { headers: cookie })
    ).text();
    expect(month).toContain('2026年11月');
    expect(month).toContain('杉島・');
  });

  it('serves the chart library and its own script from our origin', async () => {
    ctx = await createTestContext();
    const cookie = await ctx.login('city');
    const lib = await ctx.request('/console/dashboard/assets/uplot.js', { headers: cookie });
    expect(lib.status).toBe(200);
    expect(lib.headers.get('content-type')).toContain('text/javascript');
    expect(await lib.text()).toContain('uPlot');
    expect((await ctx.request('/console/dashboard/assets/nothing.js', { headers: cookie })).status).toBe(404);
  });

  it('downloads a figure as CSV with a BOM, and neutralises formula text from the data', async () => {
    ctx = await createTestContext();
    await addOrder(ctx.db, {
      householdId: 1,
      deliveryDate: '2026-11-17',
      mode: 'car',
      reason: '=HYPERLINK("http://x")',
    });
    const cookie = await ctx.login('city');
    const res = await ctx.request('/console/dashboard/csv/car-reasons?unit=week', { headers: cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('dashboard-car-reasons-week-2026-11-23.csv');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = body.slice(1).trimEnd().split('\n');
    expect(header).toBe(`期間,開始日,"'=HYPERLINK(""http://x"")（件）"`);
    expect(rows.at(-2)).toBe('11月16日の週,2026-11-16,1');
  });

  it('refuses store staff and drivers with a 403 page, bad input with a 400 page', async () => {
    ctx = await createTestContext();
    for (const who of ['store', 'driver']) {
      const cookie = await ctx.login(who);
      const res = await ctx.request('/console/dashboard', { headers: { ...cookie, ...html } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csv = await ctx.request('/console/dashboard/csv/orders', { headers: { ...cookie, ...html } });
      expect(csv.status).toBe(403);
    }
    const city = await ctx.login('city');
    const bad = await ctx.request('/console/dashboard?unit=year', { headers: { ...city, ...html } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<html');
    expect(
      (await ctx.request('/console/dashboard/csv/nothing', { headers: { ...city, ...html } })).status,
    ).toBe(404);
    const anon = await ctx.request('/console/dashboard');
    expect(anon.status).toBe(303);
  });
});
