import { afterEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/helpers/context';
import { mailOutbox } from '../../../db/src/schema';
import { formatJaRelativeTime } from '../lib/tokyo';
import { mailMissedReminders } from './notices';
import { createReminder, materializeReminders } from './reminders';
import { enroll, staffId, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

interface NoticeBody {
  text: string;
  dueLabel: string;
  late: boolean;
  missed: boolean;
}
const notices = async () =>
  (await (await ctx.request('/api/watch/notices', { headers: ctx.device(1) })).json()) as {
    pending: NoticeBody[];
    recent: NoticeBody[];
  };

async function remind(text: string, time: string, notifyAfterMinutes: number | null = null) {
  await createReminder(
    ctx.db,
    { residentId: 1, text, recurrence: 'daily', time, startDate: '2026-11-26', notifyAfterMinutes },
    { staffId: await staffId(ctx, 'city') },
    ctx.clock.now(),
  );
}

describe('reminders shown late', () => {
  it('says when each was due, relative to today in Tokyo', () => {
    const now = new Date('2026-11-28T03:07:00Z'); // Sat 12:07
    expect(formatJaRelativeTime(new Date('2026-11-28T00:00:00Z'), now)).toBe('今日 9:00');
    expect(formatJaRelativeTime(new Date('2026-11-27T09:30:00Z'), now)).toBe('昨日 18:30');
    expect(formatJaRelativeTime(new Date('2026-11-26T09:30:00Z'), now)).toBe('11月26日 18:30');
    // 23:30 UTC on the 27th is already Saturday in Tokyo.
    expect(formatJaRelativeTime(new Date('2026-11-27T23:30:00Z'), now)).toBe('今日 8:30');
  });

  it('a box switched on the next noon does not show last evening’s medicine full screen', async () => {
    ctx = await watchTestContext({ now: '2026-11-26T09:00:00Z' }); // Thu 18:00
    await enroll(ctx);
    await remind('夕方のお薬を飲みましょう', '18:30', 60);
    // Friday 18:30: due, shown at its time.
    ctx.clock.set('2026-11-27T09:30:20Z');
    await materializeReminders(ctx.db, ctx.clock.now());
    let view = await notices();
    expect(view.pending).toMatchObject([
      { text: '夕方のお薬を飲みましょう', dueLabel: '今日 18:30 のお知らせ', late: false, missed: false },
    ]);

    // The box was off all evening; switched on Saturday 12:07.
    ctx.clock.set('2026-11-28T03:07:00Z');
    await materializeReminders(ctx.db, ctx.clock.now());
    view = await notices();
    expect(view.pending).toEqual([]);
    expect(view.recent).toMatchObject([
      { text: '夕方のお薬を飲みましょう', dueLabel: '昨日 18:30 のお知らせ', late: true, missed: true },
      { text: '夕方のお薬を飲みましょう', dueLabel: '11月26日 18:30 のお知らせ', missed: true },
    ]);
    // The family hears of the missed reminder as before.
    expect(await mailMissedReminders(ctx.db, ctx.clock.now())).toBeGreaterThan(0);
    expect((await ctx.db.select().from(mailOutbox).all()).map((m) => m.subject)).toContain(
      '【見守り】山田 花子さんへのお知らせが確認されていません',
    );
  });

  it('shows a reminder late but within the window with the time it was due', async () => {
    ctx = await watchTestContext({ now: '2026-11-27T23:00:00Z' }); // Sat 8:00
    await enroll(ctx);
    await remind('ゴミの日です', '09:00');
    ctx.clock.set('2026-11-28T00:25:00Z'); // 9:25
    await materializeReminders(ctx.db, ctx.clock.now());
    expect((await notices()).pending).toMatchObject([
      { text: 'ゴミの日です', dueLabel: '今日 9:00 のお知らせ', late: true, missed: false },
    ]);
  });

  it('takes the missed window from the configuration', async () => {
    ctx = await watchTestContext({
      now: '2026-11-27T23:00:00Z',
      config: { WATCH_REMINDER_MISSED_AFTER_MINUTES: 20 },
    });
    await enroll(ctx);
    await remind('ゴミの日です', '09:00');
    ctx.clock.set('2026-11-28T00:25:00Z'); // 9:25
    await materializeReminders(ctx.db, ctx.clock.now());
    const view = await notices();
    expect(view.pending).toEqual([]);
    expect(view.recent).toMatchObject([{ text: 'ゴミの日です', missed: true }]);
  });
});
