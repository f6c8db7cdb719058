import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { watchPresence, watchState } from '../../../db/src/schema';
import { PRESENCE_LIFE, recordLifeSign } from './record-life-sign';
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
});
