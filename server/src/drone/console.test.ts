import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { droneDailyInspections, droneMaintenanceRecords } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { at, DAY, withRoutes } from './test-fixtures';

let ctx: TestContext;
let cookie: Record<string, string>;
beforeEach(async () => {
  ctx = createTestContext({ now: at('09:00') });
  withRoutes(ctx);
  cookie = await ctx.login('drone');
});
afterEach(() => ctx.close());

const form = (path: string, fields: Record<string, string>) =>
  ctx.request(path, {
    method: 'POST',
    headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('drone console', () => {
  it('shows the board to drone operators only', async () => {
    const page = await ctx.request(`/console/drone?date=${DAY}`, {
      headers: { ...cookie, accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('ドローン基地 11月24日(火)');
    expect(html).toContain('中尾公民館（片道');
    const store = await ctx.login('store');
    expect((await ctx.request('/console/drone', { headers: { ...store, accept: 'text/html' } })).status).toBe(
      403,
    );
  });

  it('records a daily inspection and a maintenance entry from the forms', async () => {
    const checks = {
      airframe: 'ok',
      propellers: 'ng',
      frame: 'ok',
      comms: 'ok',
      propulsion: 'ok',
      power: 'ok',
      autopilot: 'ok',
      controller: 'ok',
      battery: 'ok',
    };
    const res = await form('/console/drone/inspection', {
      droneId: '1',
      date: DAY,
      place: 'ポート',
      notes: '',
      ...checks,
    });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location')!)).toContain('異常あり');
    expect(ctx.db.select().from(droneDailyInspections).all()).toMatchObject([{ droneId: 1, passed: false }]);

    const ok = await form('/console/drone/maintenance', {
      droneId: '1',
      date: DAY,
      place: '整備場',
      performedBy: '整備 一郎',
      work: 'プロペラ交換',
      partsReplaced: 'プロペラ 1枚',
      reason: '日常点検で欠け',
    });
    expect(decodeURIComponent(ok.headers.get('location')!)).toContain('done=点検整備を記録しました');
    expect(ctx.db.select().from(droneMaintenanceRecords).all()).toHaveLength(1);
  });

  it('brings a refused action back to the board with its message, writing nothing', async () => {
    const before = tableCounts(ctx);
    const res = await form('/console/drone/maintenance', {
      droneId: '1',
      date: DAY,
      place: '',
      work: '',
      reason: '',
    });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location')!)).toContain(
      'error=点検整備の記録に未入力の項目があります',
    );
    const weather = await form(`/console/drone/days/${DAY}/weather`, { groundWindTakeoffMps: 'abc' });
    expect(decodeURIComponent(weather.headers.get('location')!)).toContain('error=');
    expect(tableCounts(ctx)).toEqual(before);
  });
});
