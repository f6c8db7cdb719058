import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { mailOutbox } from '../../../db/src/schema';
import { mailMissedReminders } from './notices';
import { recordLifeSign } from './record-life-sign';
import { createReminder, materializeReminders } from './reminders';
import { sendDailyMail } from './send-daily-mail';
import { enroll, staffId, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('reminder and daily mails', () => {
  it('mails contact 1 once when a reminder is not confirmed in time', async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    await enroll(ctx);
    await createReminder(
      ctx.db,
      {
        residentId: 1,
        text: 'お薬を飲みましょう',
        recurrence: 'once',
        time: '09:00',
        startDate: '2026-11-23',
        notifyAfterMinutes: 30,
      },
      { staffId: await staffId(ctx, 'city') },
      new Date('2026-11-22T23:00:00Z'),
    );
    await materializeReminders(ctx.db, ctx.clock.now());
    ctx.clock.set('2026-11-23T00:29:00Z');
    expect(await mailMissedReminders(ctx.db, ctx.clock.now())).toBe(0);
    ctx.clock.set('2026-11-23T00:30:00Z');
    expect(await mailMissedReminders(ctx.db, ctx.clock.now())).toBe(1);
    expect(await mailMissedReminders(ctx.db, ctx.clock.now())).toBe(0);
    const mails = await ctx.db.select().from(mailOutbox).all();
    expect(mails.map((m) => m.to)).toEqual(['yamada.family1.r1@example.jp']);
    expect(mails[0]!.text).toContain('お薬を飲みましょう');
  });

  it('sends お元気メール only on days with a sign of life, once per contact and day', async () => {
    ctx = await watchTestContext({ now: '2026-11-23T10:00:00Z' });
    await enroll(ctx, { dailyMail: true });
    expect(await sendDailyMail(ctx.db, ctx.clock.now())).toBe(0);
    await recordLifeSign(ctx.db, 1, 'order', new Date('2026-11-23T09:00:00Z'));
    expect(await sendDailyMail(ctx.db, ctx.clock.now())).toBe(2);
    expect(await sendDailyMail(ctx.db, ctx.clock.now())).toBe(0);
    expect((await ctx.db.select().from(mailOutbox).get())!.subject).toContain('お元気メール');
  });
});
