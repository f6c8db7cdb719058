import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { watchAway, watchState } from '../../../db/src/schema';
import type { TestContext } from '../../../test/helpers/context';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  // Monday 23 November 2026, 10:00 in Tokyo.
  ctx = await watchTestContext({ now: '2026-11-23T01:00:00Z' });
  await enroll(ctx);
});
afterEach(() => ctx.close());

const away = async (box: number) =>
  (await (await ctx.request('/api/watch/away', { headers: ctx.device(box) })).json()) as {
    away: { until: string; untilDate: string } | null;
    today: string;
  };
const end = (box: number) => ctx.request('/api/watch/away/end', { method: 'POST', headers: ctx.device(box) });

describe('away from the TV: until when, and 「帰りました」', () => {
  it('says until when the household is away, and 帰りました ends it now, once', async () => {
    expect(await away(1)).toEqual({ away: null, today: '2026-11-23' });
    expect(
      (await ctx.json('POST', '/api/watch/away', { returnDate: '2026-11-26' }, ctx.device(1))).status,
    ).toBe(200);
    expect(await away(1)).toEqual({
      away: { until: '2026-11-26T03:00:00.000Z', untilDate: '2026-11-26' },
      today: '2026-11-23',
    });
    // Another household's box sees nothing of it.
    expect(await away(2)).toEqual({ away: null, today: '2026-11-23' });
    expect(await (await end(2)).json()).toEqual({ ended: 0 });
    expect(await away(1)).not.toMatchObject({ away: null });

    ctx.clock.advance(60 * 60_000);
    const res = await end(1);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: 1 });
    expect((await ctx.db.select().from(watchAway).get())!.untilAt.getTime()).toBe(ctx.clock.now().getTime());
    expect(await away(1)).toEqual({ away: null, today: '2026-11-23' });
    // The press is a sign of life: silence is counted from it.
    const state = (await ctx.db.select().from(watchState).where(eq(watchState.residentId, 1)).get())!;
    expect(Number(state.lastSignAt)).toBe(ctx.clock.now().getTime());

    // Pressed again (a resend, a second press): nothing more ends.
    ctx.clock.advance(60_000);
    expect(await (await end(1)).json()).toEqual({ ended: 0 });
    expect((await ctx.db.select().from(watchAway).get())!.untilAt.getTime()).toBe(
      ctx.clock.now().getTime() - 60_000,
    );
  });

  it('leaves a stay staff planned for later alone', async () => {
    const staff = await ctx.login('city');
    const planned = await ctx.json(
      'POST',
      '/api/watch/away-periods',
      { residentId: 1, from: '2026-11-25T09:00:00+09:00', until: '2026-11-30T12:00:00+09:00' },
      staff,
    );
    expect(planned.status).toBe(201);
    expect(await away(1)).toEqual({ away: null, today: '2026-11-23' });
    expect(await (await end(1)).json()).toEqual({ ended: 0 });
    expect((await ctx.db.select().from(watchAway).get())!.cancelledAt).toBeNull();
  });

  it('needs a box token', async () => {
    expect((await ctx.request('/api/watch/away')).status).toBe(401);
    expect((await ctx.request('/api/watch/away/end', { method: 'POST' })).status).toBe(401);
  });
});
