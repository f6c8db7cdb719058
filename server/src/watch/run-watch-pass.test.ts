import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { mailOutbox, watchAlerts } from '../../../db/src/schema';
import { recordTvActivity } from './record-activity';
import { learnRhythms } from './learn-rhythms';
import { runWatchPass } from './run-watch-pass';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const DAY = 86_400_000;

describe('runWatchPass', () => {
  it('learns the rhythm from stored presence and raises an early, explained concern to the support worker', async () => {
    // Monday 2 November 2026, 00:00 in Tokyo.
    const t0 = Date.parse('2026-11-01T15:00:00Z');
    ctx = await watchTestContext({ now: new Date(t0) });
    await enroll(ctx);
    for (let d = 0; d < 40; d++) {
      for (const hour of [7, 12, 19]) {
        recordTvActivity(ctx.sqlite, 1, 'keys', new Date(t0 + d * DAY + hour * 3_600_000));
      }
      await runWatchPass(ctx.db, ctx.deps.config, new Date(t0 + d * DAY + 20 * 3_600_000));
      // The daily job just after midnight folds the day that ended into the rhythm.
      await learnRhythms(ctx.db, new Date(t0 + (d + 1) * DAY + 5 * 60_000));
    }
    expect(await ctx.db.select().from(watchAlerts).all()).toEqual([]);
    // Day 40: keys at 19:00 the evening before, then nothing. 7:00 is never missed.
    const day40 = t0 + 40 * DAY;
    await runWatchPass(ctx.db, ctx.deps.config, new Date(day40 + 8 * 3_600_000 + 55 * 60_000));
    expect(await ctx.db.select().from(watchAlerts).all()).toEqual([]);
    await runWatchPass(ctx.db, ctx.deps.config, new Date(day40 + 9 * 3_600_000));
    const [alert] = await ctx.db.select().from(watchAlerts).all();
    expect(alert).toMatchObject({ condition: 'rhythm_break', reasonCode: 'rhythm_break' });
    expect(alert!.reasonJa).toContain('いつもは7時台に活動があります（過去39日のうち39日）');
    const mails = await ctx.db.select().from(mailOutbox).all();
    expect(mails.map((m) => m.to)).toEqual(['shien-nakao@city.example.jp']);
  });
});
