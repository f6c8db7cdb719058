import { afterEach, describe, expect, it } from 'vitest';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import { watchTestContext } from './testing';
import { watchAway, watchReminders, watchSettings } from '../../../db/src/schema';
import { recordTvActivity } from './record-activity';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('watch API and console', () => {
  it('staff record consent, schedule a reminder and enter a hospital stay', async () => {
    ctx = await watchTestContext();
    const staff = await ctx.login('city');
    const enrol = await ctx.json(
      'POST',
      '/api/watch/enrolments',
      { residentId: 1, thresholdMinutes: 2160 },
      staff,
    );
    expect(enrol.status).toBe(200);
    const s = (await ctx.db.select().from(watchSettings).get())!;
    expect(s).toMatchObject({ residentId: 1, thresholdMinutes: 2160, enabled: true });
    expect(s.consentAt.getTime()).toBe(ctx.clock.now().getTime());

    const rem = await ctx.json(
      'POST',
      '/api/watch/reminders',
      { residentId: 1, text: 'お薬', recurrence: 'weekly', time: '08:00', startDate: '2026-11-24' },
      staff,
    );
    expect(rem.status).toBe(201);
    expect(await ctx.db.select().from(watchReminders).all()).toHaveLength(1);

    const away = await ctx.json(
      'POST',
      '/api/watch/away-periods',
      { residentId: 1, from: '2026-11-23T09:00:00+09:00', until: '2026-11-30T12:00:00+09:00' },
      staff,
    );
    expect(away.status).toBe(201);
    expect((await ctx.db.select().from(watchAway).get())!.source).toBe('staff');
  });

  it('refuses bad input and strangers without writing anything', async () => {
    ctx = await watchTestContext();
    const staff = await ctx.login('city');
    const before = tableCounts(ctx);
    expect((await ctx.json('POST', '/api/watch/enrolments', { residentId: 1 })).status).toBe(401);
    expect((await ctx.json('POST', '/api/watch/enrolments', { residentId: 9999 }, staff)).status).toBe(404);
    expect(
      (
        await ctx.json(
          'POST',
          '/api/watch/reminders',
          { residentId: 1, text: '', recurrence: 'daily', time: '25:00' },
          staff,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await ctx.json(
          'POST',
          '/api/watch/away-periods',
          { residentId: 1, from: '2026-11-23T09:00:00+09:00', until: '2026-11-22T12:00:00+09:00' },
          staff,
        )
      ).status,
    ).toBe(422);
    expect(
      (await ctx.request('/api/watch/notices/abc/confirm', { method: 'POST', headers: ctx.device(1) }))
        .status,
    ).toBe(400);
    const { staff_sessions: _a, audit_log: _b, ...after } = tableCounts(ctx);
    const { staff_sessions: _c, audit_log: _d, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it("the console draws a resident's week by hour, and a driver may not see it", async () => {
    ctx = await watchTestContext();
    const staff = await ctx.login('city');
    await ctx.json('POST', '/api/watch/enrolments', { residentId: 1 }, staff);
    recordTvActivity(ctx.sqlite, 1, 'keys', new Date(ctx.clock.now().getTime() - 2 * 3_600_000));
    const page = await ctx.request('/console/watch/residents/1', { headers: staff });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('山田 花子さん');
    expect(html).toContain('●');
    const driver = await ctx.request('/console/watch', { headers: await ctx.login('driver') });
    expect(driver.status).toBe(403);
  });
});
