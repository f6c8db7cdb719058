import { afterEach, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import {
  mailOutbox,
  watchAlerts,
  watchBlindPeriods,
  watchPresence,
  watchState,
} from '../../../db/src/schema';
import { watchJobs } from './jobs';
import { recordLifeSign, SLOT_MS } from './record-life-sign';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const OPERATOR = 'ops@engawa.example.jp';
const HOUR = 3_600_000;
const job = (name: string) => watchJobs.find((j) => j.name === name)!;

/** The jobs as the running server runs them: the pulse every minute, detection every 5. */
async function runServerFor(minutes: number, eachTick?: () => Promise<void> | void) {
  for (let m = 0; m < minutes; m += 5) {
    ctx.clock.advance(5 * 60_000);
    await eachTick?.();
    await job('watch.pulse').run(ctx.deps);
    await job('watch.detect').run(ctx.deps);
  }
}

/** A server start after downtime: the scheduler's catch-up runs the jobs in their listed order. */
async function restartAfter(ms: number) {
  ctx.clock.advance(ms);
  for (const j of watchJobs.filter((x) => x.name === 'watch.pulse' || x.name === 'watch.detect'))
    await j.run(ctx.deps);
}

const alerts = async () => await ctx.db.select().from(watchAlerts).all();
const operatorMails = async () =>
  await ctx.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, 'watch:blind:%')).all();
const alertMails = async () =>
  await ctx.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, 'watch:alert:%')).all();
const residents = [1, 2, 3, 4, 5, 6];
const signOfLifeFromAll = async () => {
  for (const id of residents) await recordLifeSign(ctx.db, id, 'order', ctx.clock.now());
};

async function setup(config: Parameters<typeof watchTestContext>[0] = {}) {
  ctx = await watchTestContext({
    now: '2026-11-23T00:00:00Z',
    config: { OPERATOR_EMAIL: OPERATOR },
    ...config,
  });
  for (const residentId of residents) await enroll(ctx, { residentId, supportWorkerFirst: false });
}

describe('time when engawa could not hear the boxes', () => {
  it('a day-long server outage raises no resident alert and one operator alert', async () => {
    await setup();
    await runServerFor(120, signOfLifeFromAll);
    await restartAfter(24 * HOUR);
    await runServerFor(60);
    expect(await alerts()).toHaveLength(0);
    expect(await alertMails()).toHaveLength(0);
    const ops = await operatorMails();
    expect(ops).toHaveLength(1);
    expect(ops[0]!.to).toBe(OPERATOR);
    expect(ops[0]!.subject).toContain('見守りが止まっていました');
    const [gap] = await ctx.db.select().from(watchBlindPeriods).all();
    expect(gap).toMatchObject({ reason: 'server_down' });
    expect(gap!.untilAt!.getTime() - gap!.fromAt.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('the outage is subtracted from a silence, not a reset of it: one already silent is still alerted', async () => {
    await setup();
    // Resident 6 is silent from the start; the others stay active except during the outage.
    const others = async () => {
      for (const id of residents.slice(0, 5)) await recordLifeSign(ctx.db, id, 'order', ctx.clock.now());
    };
    await recordLifeSign(ctx.db, 6, 'order', ctx.clock.now());
    await runServerFor(20 * 60, others);
    await restartAfter(24 * HOUR);
    await runServerFor(3 * 60 + 30, others);
    expect(await alerts()).toHaveLength(0);
    await runServerFor(60, others);
    expect((await alerts()).map((a) => [a.residentId, a.condition])).toEqual([[6, 'no_activity']]);
    expect(await operatorMails()).toHaveLength(1);
  });

  it('a single silent resident during normal operation is alerted as before', async () => {
    await setup();
    await recordLifeSign(ctx.db, 1, 'order', ctx.clock.now());
    const others = async () => {
      for (const id of residents.slice(1)) await recordLifeSign(ctx.db, id, 'order', ctx.clock.now());
    };
    await runServerFor(24 * 60 - 5, others);
    expect(await alerts()).toHaveLength(0);
    await runServerFor(5, others);
    expect((await alerts()).map((a) => a.residentId)).toEqual([1]);
    expect((await alertMails()).length).toBeGreaterThan(0);
    expect(await ctx.db.select().from(watchBlindPeriods).all()).toHaveLength(0);
    expect(await operatorMails()).toHaveLength(0);
  });

  it('most boxes silent at once opens one platform silence: one operator alert, no resident alerts', async () => {
    await setup({ config: { OPERATOR_EMAIL: OPERATOR, WATCH_SILENCE_MIN_BOXES: 4 } });
    // A week of history: every resident heard in every slot.
    const start = Math.floor(ctx.clock.now().getTime() / SLOT_MS);
    const rows = residents.flatMap((residentId) =>
      Array.from({ length: 8 * 96 }, (_, i) => ({ residentId, slot: start - 8 * 96 + i, flags: 4 })),
    );
    for (let i = 0; i < rows.length; i += 500)
      await ctx.db
        .insert(watchPresence)
        .values(rows.slice(i, i + 500))
        .run();
    await runServerFor(60, signOfLifeFromAll);
    // The network goes down: the server runs on and hears nothing for 30 hours.
    await runServerFor(30 * 60);
    expect(await alerts()).toHaveLength(0);
    expect(await alertMails()).toHaveLength(0);
    expect(await operatorMails()).toHaveLength(1);
    expect((await operatorMails())[0]!.subject).toContain('多くのテレビから信号が届いていません');
    const [silence] = await ctx.db.select().from(watchBlindPeriods).all();
    expect(silence).toMatchObject({ reason: 'mass_silence', untilAt: null, expected: 6, heard: 0 });
    const page = await ctx.request('/console/watch', { headers: await ctx.login('city') });
    expect(await page.text()).toContain('多くのテレビから信号が届いていません（いつもは6台、届いたのは0台）');
    // The boxes are back: the silence ends, and silence is counted again from there.
    await runServerFor(60, signOfLifeFromAll);
    expect((await ctx.db.select().from(watchBlindPeriods).get())!.untilAt).not.toBeNull();
    expect(await alerts()).toHaveLength(0);
  });
});

describe('activity the TV sends late', () => {
  const post = (body: unknown) => ctx.json('POST', '/api/watch/activity', body, ctx.device(1));

  it('counts back-dated activity within 24 hours as presence at its time', async () => {
    await setup();
    const at = new Date(ctx.clock.now().getTime() - 3 * HOUR);
    const res = await post({ kind: 'keys', at: at.toISOString() });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { recorded: number }).recorded).toBe(1);
    const presence = await ctx.db.select().from(watchPresence).all();
    expect(presence.map((p) => p.slot)).toContain(Math.floor(at.getTime() / SLOT_MS));
    const state = (await ctx.db.select().from(watchState).all()).find((s) => s.residentId === 1)!;
    expect(state.lastSignAt).toBe(at.getTime());
  });

  it('refuses activity in the future or older than 24 hours, writing nothing', async () => {
    await setup();
    const before = tableCounts(ctx);
    const now = ctx.clock.now().getTime();
    for (const at of [now + HOUR, now - 25 * HOUR].map((ms) => new Date(ms).toISOString())) {
      const res = await post({ kind: 'heartbeat', at });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^activity_/);
    }
    expect((await post({ kind: 'keys', at: 'yesterday' })).status).toBe(400);
    expect(tableCounts(ctx)).toEqual(before);
  });
});
