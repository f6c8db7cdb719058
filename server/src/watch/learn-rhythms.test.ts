import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { settings, watchPresence, watchRhythm, watchState } from '../../../db/src/schema';
import { type TestContext } from '../../../test/helpers/context';
import { localDayIndex } from './detector/local-time';
import { learnRhythms, PRESENCE_RETENTION_DAYS } from './learn-rhythms';
import { recordTvActivity } from './record-activity';
import { decodeRhythm } from './rhythm-codec';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Monday 2 November 2026, 00:00 in Tokyo.
const T0 = Date.parse('2026-11-01T15:00:00Z');

async function rhythmOf(residentId: number) {
  const row = await ctx.db.select().from(watchRhythm).where(eq(watchRhythm.residentId, residentId)).get();
  return row && decodeRhythm(row.day0, row.since, row.masks);
}

describe('learnRhythms', () => {
  it("folds only whole Tokyo days, once, and leaves today's hours for tomorrow", async () => {
    ctx = await watchTestContext({ now: new Date(T0) });
    await enroll(ctx);
    recordTvActivity(ctx.sqlite, 1, 'keys', new Date(T0 + 7 * HOUR));
    recordTvActivity(ctx.sqlite, 1, 'heartbeat', new Date(T0 + 19 * HOUR + 30 * 60_000));
    // Same day, 21:00: nothing of today is history yet.
    expect((await learnRhythms(ctx.db, new Date(T0 + 21 * HOUR))).residents).toBe(0);
    const day = localDayIndex(T0);
    expect(await rhythmOf(1)).toBeUndefined();

    // Next day, 00:05: yesterday's 7:00 and 19:00 hours are learned.
    recordTvActivity(ctx.sqlite, 1, 'keys', new Date(T0 + DAY + 3 * 60_000));
    await ctx.db
      .update(watchState)
      .set({ nextCheckAt: T0 + DAY + 5 * HOUR })
      .run();
    const first = await learnRhythms(ctx.db, new Date(T0 + DAY + 5 * 60_000));
    expect(first.residents).toBe(1);
    const after = (await rhythmOf(1))!;
    expect(after.masks[day - after.day0]).toBe((1 << 7) | (1 << 19));
    // The new day's key press stays out until that day is over.
    expect(after.masks[day + 1 - after.day0] ?? 0).toBe(0);
    // Active since midnight: its planned check is planned again with the learned day.
    expect((await ctx.db.select().from(watchState).get())!.nextCheckAt).toBeNull();

    // Run again (a restart): nothing new to fold, nothing changes.
    expect((await learnRhythms(ctx.db, new Date(T0 + DAY + 10 * 60_000))).residents).toBe(0);
    expect(await rhythmOf(1)).toEqual(after);
  });

  it('catches up several missed days at once and prunes presence past the retention period', async () => {
    ctx = await watchTestContext({ now: new Date(T0 - 40 * DAY) });
    await enroll(ctx);
    for (let d = -35; d < 3; d++) recordTvActivity(ctx.sqlite, 1, 'keys', new Date(T0 + d * DAY + 8 * HOUR));
    const r = await learnRhythms(ctx.db, new Date(T0 + 3 * DAY + HOUR));
    expect(r.residents).toBe(1);
    const rhythm = (await rhythmOf(1))!;
    for (let d = -3; d < 3; d++) expect(rhythm.masks[localDayIndex(T0) + d - rhythm.day0]).toBe(1 << 8);
    expect(r.pruned).toBeGreaterThan(0);
    const oldest = (await ctx.db.select().from(watchPresence).all()).reduce(
      (m, p) => Math.min(m, p.slot),
      Infinity,
    );
    expect(oldest * 15 * 60_000).toBeGreaterThanOrEqual(T0 + 3 * DAY + HOUR - PRESENCE_RETENTION_DAYS * DAY);
    const mark = await ctx.db.select().from(settings).where(eq(settings.key, 'watch.rhythm_slot')).get();
    expect(Number(mark!.value)).toBe(r.toSlot);
  });
});
