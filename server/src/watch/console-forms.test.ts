import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import { watchAway, watchReminders, watchSettings } from '../../../db/src/schema';
import { staffId, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const form = (path: string, body: Record<string, string>, headers: Record<string, string>) =>
  ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(body).toString(),
  });
const R1 = '/console/watch/residents/1';
/** Row counts, without what a login or a refused attempt may legitimately write. */
const counts = () => {
  const { staff_sessions: _a, audit_log: _b, ...rest } = tableCounts(ctx);
  return rest;
};

describe('watch console forms', () => {
  it('enrol with consent, add and stop a reminder, add and end a stay, stop watching', async () => {
    ctx = await watchTestContext();
    const staff = await ctx.login('support');
    const page = await (await ctx.request(R1, { headers: staff })).text();
    // The contacts to notify are named before consent is recorded.
    expect(page).toContain('1. 山田 健一');
    expect(page).toContain('2. 佐藤 明美');

    const enrol = await form(
      `${R1}/enrol`,
      { consent: 'yes', thresholdHours: '36', quietStart: '22:00', quietEnd: '05:30' },
      staff,
    );
    expect(enrol.status).toBe(303);
    const s = (await ctx.db.select().from(watchSettings).where(eq(watchSettings.residentId, 1)).get())!;
    expect(s).toMatchObject({
      enabled: true,
      consentStaffId: await staffId(ctx, 'support'),
      thresholdMinutes: 36 * 60,
      quietStartMinute: 22 * 60,
      quietEndMinute: 5 * 60 + 30,
      dailyMail: false,
    });
    expect(s.consentAt.getTime()).toBe(ctx.clock.now().getTime());
    expect(await (await ctx.request(R1, { headers: staff })).text()).toContain('支援 久美子');

    expect(
      (
        await form(
          `${R1}/reminders`,
          { text: '燃えるごみの日です', recurrence: 'weekly', time: '07:30', startDate: '2026-11-24' },
          staff,
        )
      ).status,
    ).toBe(303);
    const rem = (await ctx.db.select().from(watchReminders).get())!;
    expect(rem).toMatchObject({ residentId: 1, recurrence: 'weekly', time: '07:30', cancelledAt: null });
    expect(await (await ctx.request(R1, { headers: staff })).text()).toContain('燃えるごみの日です');
    expect((await form(`${R1}/reminders/${rem.id}/stop`, {}, staff)).status).toBe(303);
    expect((await ctx.db.select().from(watchReminders).get())!.cancelledAt).not.toBeNull();

    // Monday 09:00 Tokyo: in hospital since 08:00, until Friday noon; back early at 11:00.
    await form(
      `${R1}/away`,
      { fromDate: '2026-11-23', fromTime: '08:00', untilDate: '2026-11-27', untilTime: '12:00' },
      staff,
    );
    const away = (await ctx.db.select().from(watchAway).get())!;
    expect(away.fromAt.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(away.untilAt.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    ctx.clock.advance(2 * 3_600_000);
    expect((await form(`${R1}/away/${away.id}/end`, {}, staff)).status).toBe(303);
    expect((await ctx.db.select().from(watchAway).get())!.untilAt.getTime()).toBe(ctx.clock.now().getTime());

    expect((await form(`${R1}/stop`, {}, staff)).status).toBe(303);
    const stopped = (await ctx.db.select().from(watchSettings).get())!;
    // Consent record kept (who, when), only disabled.
    expect(stopped).toMatchObject({ enabled: false, consentStaffId: await staffId(ctx, 'support') });
  });

  it('refuses bad forms, other hamlets, strangers and cross-site posts without writing anything', async () => {
    ctx = await watchTestContext();
    const city = await ctx.login('city');
    const other = await ctx.login('support-2'); // hamlet 1; resident 1 lives in hamlet 0
    const before = counts();
    const ok = { consent: 'yes', thresholdHours: '24', quietStart: '21:00', quietEnd: '06:00' };
    expect((await form(`${R1}/enrol`, { ...ok, consent: '' }, city)).status).toBe(400);
    expect((await form(`${R1}/enrol`, { ...ok, thresholdHours: '0' }, city)).status).toBe(400);
    expect((await form(`${R1}/enrol`, ok, other)).status).toBe(403);
    expect((await ctx.request(R1, { headers: other })).status).toBe(403);
    expect((await form('/console/watch/residents/9999/enrol', ok, city)).status).toBe(404);
    expect((await form(`${R1}/enrol`, ok, { ...city, origin: 'http://evil.example' })).status).toBe(403);
    expect((await form(`${R1}/enrol`, ok, { origin: 'http://localhost' })).status).toBe(303); // to login
    const reminder = { text: 'お薬', recurrence: 'daily', time: '25:00', startDate: '2026-11-23' };
    expect((await form(`${R1}/reminders`, reminder, city)).status).toBe(400);
    expect(
      (await form(`${R1}/reminders`, { ...reminder, time: '08:00', recurrence: 'hourly' }, city)).status,
    ).toBe(400);
    // A refused form is the page again (400) with what was typed and the reason.
    const backwards = await form(
      `${R1}/away`,
      { fromDate: '2026-11-24', fromTime: '08:00', untilDate: '2026-11-23', untilTime: '12:00' },
      city,
    );
    expect(backwards.status).toBe(400);
    const redrawn = await backwards.text();
    expect(redrawn).toContain('「まで」は「から」より後');
    expect(redrawn).toContain('value="2026-11-23"');
    const badTime = await form(`${R1}/reminders`, { ...reminder, text: '血圧の薬' }, city);
    expect(await badTime.text()).toMatch(
      /value="25:00"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*value="25:00"/,
    );
    expect((await form(`${R1}/away/1/end`, {}, city)).status).toBe(404);
    expect((await form(`${R1}/stop`, {}, city)).status).toBe(404);
    expect(counts()).toEqual(before);
  });
});

describe('watch API: stop, end, scope', () => {
  it('stops a reminder, ends an away period and stops watching; a support worker is kept to their hamlet', async () => {
    ctx = await watchTestContext();
    const city = await ctx.login('city');
    const other = await ctx.login('support-2');
    const before = counts();
    expect((await ctx.json('POST', '/api/watch/enrolments', { residentId: 1 }, other)).status).toBe(403);
    expect(counts()).toEqual(before);

    expect((await ctx.json('POST', '/api/watch/enrolments', { residentId: 1 }, city)).status).toBe(200);
    const rem = await ctx.json(
      'POST',
      '/api/watch/reminders',
      { residentId: 1, text: 'お薬', recurrence: 'daily', time: '08:00', startDate: '2026-11-24' },
      city,
    );
    const { id: reminderId } = (await rem.json()) as { id: number };
    const away = await ctx.json(
      'POST',
      '/api/watch/away-periods',
      { residentId: 1, from: '2026-11-25T09:00:00+09:00', until: '2026-11-26T12:00:00+09:00' },
      city,
    );
    const { id: awayId } = (await away.json()) as { id: number };
    const mid = counts();
    expect((await ctx.json('POST', `/api/watch/reminders/${reminderId}/stop`, {}, other)).status).toBe(403);
    expect((await ctx.json('POST', `/api/watch/away-periods/${awayId}/end`, {}, other)).status).toBe(403);
    expect((await ctx.json('POST', '/api/watch/enrolments/1/stop', {}, other)).status).toBe(403);
    expect(counts()).toEqual(mid);

    expect((await ctx.json('POST', `/api/watch/reminders/${reminderId}/stop`, {}, city)).status).toBe(200);
    expect((await ctx.json('POST', `/api/watch/reminders/${reminderId}/stop`, {}, city)).status).toBe(409);
    // Not begun yet: cancelled rather than shortened.
    expect((await ctx.json('POST', `/api/watch/away-periods/${awayId}/end`, {}, city)).status).toBe(200);
    expect((await ctx.db.select().from(watchAway).get())!.cancelledAt).not.toBeNull();
    expect((await ctx.json('POST', `/api/watch/away-periods/${awayId}/end`, {}, city)).status).toBe(409);
    expect((await ctx.json('POST', '/api/watch/enrolments/1/stop', {}, city)).status).toBe(200);
    expect((await ctx.db.select().from(watchSettings).get())!.enabled).toBe(false);
  });
});
