import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { watchReminderOccurrences, watchState } from '../../../db/src/schema';
import { confirmNotice, listNotices } from './notices';
import { createReminder, materializeReminders, remindsOn } from './reminders';
import { enroll, staffId, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('reminders', () => {
  it('knows which Tokyo dates each recurrence falls on', () => {
    // 2026-11-23 is a Monday.
    const r = (recurrence: 'once' | 'daily' | 'weekdays' | 'weekly' | 'monthly') => ({
      recurrence,
      startDate: '2026-11-23',
    });
    expect(remindsOn(r('once'), '2026-11-23')).toBe(true);
    expect(remindsOn(r('once'), '2026-11-24')).toBe(false);
    expect(remindsOn(r('daily'), '2026-11-22')).toBe(false);
    expect(remindsOn(r('weekdays'), '2026-11-28')).toBe(false);
    expect(remindsOn(r('weekdays'), '2026-11-27')).toBe(true);
    expect(remindsOn(r('weekly'), '2026-11-30')).toBe(true);
    expect(remindsOn(r('weekly'), '2026-12-01')).toBe(false);
    expect(remindsOn(r('monthly'), '2026-12-23')).toBe(true);
  });

  it('fires once at its time even when the job runs again after a restart, and OK confirms it', async () => {
    ctx = await watchTestContext({ now: '2026-11-22T23:50:00Z' });
    await enroll(ctx);
    await createReminder(
      ctx.db,
      { residentId: 1, text: 'ゴミの日です', recurrence: 'daily', time: '09:00', startDate: '2026-11-23' },
      { staffId: await staffId(ctx, 'city') },
      ctx.clock.now(),
    );
    expect(await materializeReminders(ctx.db, ctx.clock.now())).toBe(0);
    ctx.clock.set('2026-11-23T00:00:00Z');
    expect(await materializeReminders(ctx.db, ctx.clock.now())).toBe(1);
    ctx.clock.set('2026-11-23T02:00:00Z');
    expect(await materializeReminders(ctx.db, ctx.clock.now())).toBe(0);
    const view = await listNotices(ctx.db, 1, ctx.clock.now(), 120);
    expect(view.pending.map((n) => n.text)).toEqual(['ゴミの日です']);
    // Another household's box cannot confirm it.
    await expect(
      (async () => await confirmNotice(ctx.db, 2, view.pending[0]!.id, ctx.clock.now()))(),
    ).rejects.toThrow(/not found/);
    await confirmNotice(ctx.db, 1, view.pending[0]!.id, ctx.clock.now());
    expect((await ctx.db.select().from(watchReminderOccurrences).get())!.confirmedAt).not.toBeNull();
    // Confirming is a sign of life for watching.
    expect((await ctx.db.select().from(watchState).get())!.lastSignAt).toBe(ctx.clock.now().getTime());
    expect((await listNotices(ctx.db, 1, ctx.clock.now(), 120)).pending).toEqual([]);
  });
});
