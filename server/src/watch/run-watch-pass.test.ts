import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { eq } from 'drizzle-orm';
import { mailOutbox, watchAlerts, watchNormal, watchState } from '../../../db/src/schema';
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
    let openedAt: number | null = null;
    for (let t = day40 + 7 * 3_600_000; t <= day40 + 16 * 3_600_000 && openedAt === null; t += 5 * 60_000) {
      await runWatchPass(ctx.db, ctx.deps.config, new Date(t));
      if ((await ctx.db.select().from(watchAlerts).all()).length > 0) openedAt = t;
    }
    // Silent through a four-hour window that always held 7:00, and two hours past it (the
    // learning detector's tuning, LEARNING_TUNING): 10:00, not earlier.
    expect(openedAt).toBe(day40 + 10 * 3_600_000);
    const [alert] = await ctx.db.select().from(watchAlerts).all();
    expect(alert).toMatchObject({ condition: 'rhythm_break', reasonCode: 'rhythm_break' });
    expect(alert!.reasonJa).toContain('いつもは7時台に活動があります（過去39日のうち39日）');
    const mails = await ctx.db.select().from(mailOutbox).all();
    expect(mails.map((m) => m.to)).toEqual(['shien-nakao@city.example.jp']);
  });

  it('greets by what the learning job stored: a resident whose TV always runs five hours without a key is not greeted at three', async () => {
    // Monday 2 November 2026, 00:00 in Tokyo.
    const t0 = Date.parse('2026-11-01T15:00:00Z');
    ctx = await watchTestContext({ now: new Date(t0) });
    await enroll(ctx);
    const H = 3_600_000;
    const M = 60_000;
    // TV on at 9:00 with a key, alone (a heartbeat every 10 minutes) until a key at 14:00.
    const morning = (day: number, until: number) => {
      recordTvActivity(ctx.sqlite, 1, 'heartbeat', new Date(day + 9 * H));
      recordTvActivity(ctx.sqlite, 1, 'keys', new Date(day + 9 * H));
      for (let t = day + 9 * H + 10 * M; t < day + until; t += 10 * M)
        recordTvActivity(ctx.sqlite, 1, 'heartbeat', new Date(t));
    };
    for (let d = 0; d < 14; d++) {
      morning(t0 + d * DAY, 14 * H);
      recordTvActivity(ctx.sqlite, 1, 'keys', new Date(t0 + d * DAY + 14 * H));
      await learnRhythms(ctx.db, new Date(t0 + (d + 1) * DAY + 5 * M));
    }
    const stored = await ctx.db.select().from(watchNormal).where(eq(watchNormal.residentId, 1)).get();
    // 9:15 to 14:00 (slot resolution, never longer than it was): 285 minutes, fading by half in
    // three weeks — on weekdays (cell 9, last learnt on Friday) and at weekends (cell 24 + 9).
    expect(stored!.runs.readUInt16BE(9 * 2)).toBeGreaterThan(250);
    expect(stored!.runs.readUInt16BE((24 + 9) * 2)).toBeGreaterThan(270);
    expect(stored!.runs.readUInt16BE((24 + 9) * 2)).toBeLessThanOrEqual(285);

    // Day 14: the same morning, but no key at 14:00. The pass runs every 5 minutes.
    const day = t0 + 14 * DAY;
    morning(day, 17 * H);
    let greetedAt: number | null = null;
    for (let t = day + 9 * H; t < day + 17 * H && greetedAt === null; t += 5 * M) {
      recordTvActivity(ctx.sqlite, 1, 'heartbeat', new Date(t));
      await runWatchPass(ctx.db, ctx.deps.config, new Date(t));
      greetedAt = (await ctx.db.select().from(watchState).where(eq(watchState.residentId, 1)).get())!
        .greetedAt;
    }
    // Fixed tuning would greet at 12:00; this resident's normal puts it past 1.2 × the stretch + 30 min.
    expect(greetedAt).not.toBeNull();
    expect(greetedAt! - (day + 9 * H)).toBeGreaterThanOrEqual((250 * 1.2 + 30) * M);
    expect(greetedAt! - (day + 9 * H)).toBeLessThanOrEqual(7 * H);
    expect((await ctx.db.select().from(watchNormal).where(eq(watchNormal.residentId, 1)).get())!.asked).toBe(
      1,
    );
    expect(await ctx.db.select().from(watchAlerts).all()).toEqual([]);
  });
});
