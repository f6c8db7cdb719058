import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { watchNormal, watchPresence, watchState } from '../../../db/src/schema';
import { PRESENCE_LIFE, recordLifeSign } from './record-life-sign';
import { recordTvActivity } from './record-activity';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('recordLifeSign', () => {
  it('records presence and the last sign of life for a watched resident', async () => {
    ctx = await watchTestContext();
    await enroll(ctx);
    const at = new Date('2026-11-23T03:07:00Z');
    await recordLifeSign(ctx.db, 1, 'handover', at);
    expect((await ctx.db.select().from(watchState).get())!.lastSignAt).toBe(at.getTime());
    expect(await ctx.db.select().from(watchPresence).all()).toEqual([
      { residentId: 1, slot: Math.floor(at.getTime() / 900_000), flags: PRESENCE_LIFE },
    ]);
  });

  it('does nothing for a resident who has not opted in', async () => {
    ctx = await watchTestContext();
    await recordLifeSign(ctx.db, 2, 'order', new Date('2026-11-23T03:07:00Z'));
    expect(await ctx.db.select().from(watchPresence).all()).toEqual([]);
  });

  it('a confirmed reminder or a key answers the greeting and is counted as an answer; an order is not', async () => {
    ctx = await watchTestContext();
    await enroll(ctx);
    const t = Date.parse('2026-11-23T03:00:00Z');
    const greet = async (at: number) => await ctx.db.update(watchState).set({ greetedAt: at }).run();
    await ctx.db
      .insert(watchNormal)
      .values({ residentId: 1, day: 0, runs: Buffer.alloc(96), asked: 3, answered: 0 })
      .run();
    await greet(t);
    await recordLifeSign(ctx.db, 1, 'order', new Date(t + 60_000));
    expect((await ctx.db.select().from(watchState).get())!.greetedAt).toBe(t);
    await recordLifeSign(ctx.db, 1, 'reminder_confirmed', new Date(t + 120_000));
    expect((await ctx.db.select().from(watchState).get())!.greetedAt).toBeNull();
    await greet(t + 180_000);
    recordTvActivity(ctx.sqlite, 1, 'keys', new Date(t + 240_000));
    expect((await ctx.db.select().from(watchState).get())!.greetedAt).toBeNull();
    // A greeting left unanswered when the TV was switched off is not shown again at switch-on.
    await greet(t + 250_000);
    recordTvActivity(ctx.sqlite, 1, 'heartbeat', new Date(t + 3_600_000));
    expect((await ctx.db.select().from(watchState).get())!.greetedAt).toBeNull();
    // Nothing shown: a key is not an answer.
    recordTvActivity(ctx.sqlite, 1, 'keys', new Date(t + 3_700_000));
    expect((await ctx.db.select().from(watchNormal).get())!.answered).toBe(2);
  });
});
