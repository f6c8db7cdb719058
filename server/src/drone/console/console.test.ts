import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  droneDailyInspections,
  droneFlights,
  droneMaintenanceRecords,
  droneWeatherChecks,
} from '../../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../../test/helpers/context';
import { runCutoffPlan } from '../jobs';
import { addOrder, allOk, at, DAY, pack, withRoutes } from '../test-fixtures';

let ctx: TestContext;
let cookie: Record<string, string>;
beforeEach(async () => {
  ctx = await createTestContext({ now: at('09:00') });
  await withRoutes(ctx);
  cookie = await ctx.login('drone');
});
afterEach(() => ctx.close());

const form = (path: string, fields: Record<string, string>) =>
  ctx.request(path, {
    method: 'POST',
    headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const page = async (path: string, flash?: Response) => {
  // The flash travels in a cookie set by the redirect; the next page shows it once.
  const set = flash?.headers.get('set-cookie')?.split(';')[0];
  const res = await ctx.request(path, {
    headers: { ...cookie, ...(set ? { cookie: `${cookie.cookie}; ${set}` } : {}), accept: 'text/html' },
  });
  return { status: res.status, html: await res.text() };
};
const radios = (html: string) => [...html.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]);

describe('drone console', () => {
  it('shows the board to drone operators only, dated in Japanese', async () => {
    const { status, html } = await page(`/console/drone?date=${DAY}`);
    expect(status).toBe(200);
    expect(html).toContain('ドローン基地 2026年11月24日(火)');
    expect(html).toContain('中尾公民館');
    expect(html).not.toMatch(/type="(date|time|month|datetime-local)"/);
    const store = await ctx.login('store');
    expect((await ctx.request('/console/drone', { headers: { ...store, accept: 'text/html' } })).status).toBe(
      403,
    );
  });

  it('starts the daily inspection unchecked and refuses it with an item unanswered, writing nothing', async () => {
    const blank = await page(`/console/drone/inspection?date=${DAY}`);
    expect(radios(blank.html)).toHaveLength(18);
    expect(radios(blank.html).filter((r) => r.includes('checked'))).toEqual([]);

    const before = tableCounts(ctx);
    const { propellers: _skipped, battery: _also, ...seven } = allOk;
    const res = await form('/console/drone/inspection', {
      droneId: '1',
      date: DAY,
      place: '第二ポート',
      notes: '羽に小さな傷',
      ...seven,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('点検項目のうち2項目が未回答です');
    expect(html.match(/未回答です</g)).toHaveLength(2);
    // what the operator typed and chose is still there
    expect(html).toContain('value="第二ポート"');
    expect(html).toContain('羽に小さな傷');
    expect(radios(html).filter((r) => r.includes('checked'))).toHaveLength(7);
    expect(tableCounts(ctx)).toEqual(before);
    expect(await ctx.db.select().from(droneDailyInspections).all()).toEqual([]);
  });

  it('records a daily inspection and a maintenance entry, each with its flash on the board', async () => {
    const res = await form('/console/drone/inspection', {
      droneId: '1',
      date: DAY,
      place: 'ポート',
      notes: '',
      ...allOk,
      propellers: 'ng',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/drone?date=${DAY}`);
    expect((await page(res.headers.get('location')!, res)).html).toContain(
      '日常点検を記録しました（異常あり：この機体は本日飛行できません）',
    );
    expect(await ctx.db.select().from(droneDailyInspections).all()).toMatchObject([
      { droneId: 1, passed: false },
    ]);

    const ok = await form('/console/drone/maintenance', {
      droneId: '1',
      date: DAY,
      place: '整備場',
      performedBy: '整備 一郎',
      work: 'プロペラ交換',
      partsReplaced: 'プロペラ 1枚',
      reason: '日常点検で欠け',
    });
    expect(ok.status).toBe(303);
    expect((await page(ok.headers.get('location')!, ok)).html).toContain('点検整備を記録しました');
    expect(await ctx.db.select().from(droneMaintenanceRecords).all()).toHaveLength(1);
  });

  it('redraws a refused maintenance or weather form with what was typed and each error, writing nothing', async () => {
    const before = tableCounts(ctx);
    const res = await form('/console/drone/maintenance', {
      droneId: '1',
      date: DAY,
      place: '',
      performedBy: '整備 一郎',
      work: 'ネジ締め',
      reason: '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html.match(/class="field-error"/g)).toHaveLength(2);
    expect(html).toContain('ネジ締め');
    expect(html).toContain('value="整備 一郎"');

    const weather = await form(`/console/drone/days/${DAY}/weather`, {
      hamletId: '',
      groundWindTakeoffMps: 'abc',
      groundWindLandingMps: '1.2',
      band_0_50: '2',
      band_50_100: '2',
      band_100_150: '99',
    });
    expect(weather.status).toBe(400);
    const board = await weather.text();
    expect(board).toContain('風速を数字で入れてください');
    expect(board).toContain('60以下で入れてください');
    expect(board).toContain('value="1.2"');
    expect(tableCounts(ctx)).toEqual(before);
    expect(await ctx.db.select().from(droneWeatherChecks).all()).toEqual([]);
  });

  it('shows each landing site’s weather decision with its reason', async () => {
    const res = await form(`/console/drone/days/${DAY}/weather`, {
      hamletId: '2',
      groundWindTakeoffMps: '2',
      groundWindLandingMps: '9.5',
      band_0_50: '3',
      band_50_100: '3',
      band_100_150: '4',
    });
    expect(res.status).toBe(303);
    const { html } = await page(`/console/drone?date=${DAY}`, res);
    expect(html).toContain('気象確認を記録しました（車で配送）');
    const row = (id: number) => html.match(new RegExp(`<tr data-site="${id}">.*?</tr>`, 's'))![0];
    expect(row(2)).toContain('車で配送');
    expect(row(2)).toContain('着陸地点の風 9.5');
    expect(row(1)).toContain('未確認');
  });

  it('carries an unfinished flight of the day before onto today’s board until it is closed', async () => {
    const id = await addOrder(ctx, 1, 2000);
    ctx.clock.set(at('11:00'));
    await runCutoffPlan(ctx.deps);
    await pack(ctx, id);
    const flight = (await ctx.db
      .select()
      .from(droneFlights)
      .where(eq(droneFlights.deliveryDate, DAY))
      .get())!;
    // launched yesterday and never marked landed
    ctx.clock.set(at('12:50'));
    await form(`/console/drone/days/${DAY}/weather`, {
      groundWindTakeoffMps: '2',
      groundWindLandingMps: '2',
      band_0_50: '3',
      band_50_100: '3',
      band_100_150: '3',
    });
    await form('/console/drone/inspection', {
      droneId: String(flight.droneId),
      date: DAY,
      place: 'ポート',
      ...allOk,
    });
    ctx.clock.set(at('13:00'));
    await form(`/console/drone/flights/${flight.id}/launch`, { date: DAY, pilotLicenceNo: '0123456789' });
    expect(
      (await ctx.db.select().from(droneFlights).where(eq(droneFlights.id, flight.id)).get())!.status,
    ).toBe('launched');
    ctx.clock.set(new Date('2026-11-25T09:00:00+09:00'));
    cookie = await ctx.login('drone'); // yesterday's session has expired
    const today = await page('/console/drone');
    expect(today.html).toContain('ドローン基地 2026年11月25日(水)');
    const card = today.html.match(/<article[^>]*data-flight-id="\d+".*?<\/article>/s)![0];
    expect(card).toContain('前日から（11月24日(火)）');
    expect(card).toContain('着陸');

    const landed = await form(`/console/drone/flights/${flight.id}/land`, { date: '2026-11-25' });
    expect(landed.headers.get('location')).toBe('/console/drone?date=2026-11-25');
    ctx.clock.set(new Date('2026-11-25T09:20:00+09:00'));
    await form(`/console/drone/flights/${flight.id}/return`, { date: '2026-11-25' });
    expect(
      (await ctx.db.select().from(droneFlights).where(eq(droneFlights.id, flight.id)).get())!.status,
    ).toBe('returned');
    expect((await page('/console/drone')).html).not.toContain('前日から');
  });
});
