import { afterEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/helpers/context';
import { mailOutbox } from '../../../db/src/schema';
import { startScheduler, type Scheduler } from '../jobs/scheduler';
import { recordLifeSign } from './record-life-sign';
import { watchJobs } from './jobs';
import { enroll, watchTestContext } from './testing';

let ctx: TestContext;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  ctx?.close();
});

const dailyMail = watchJobs.filter((j) => j.name === 'watch.daily-mail');
const queued = async () => await ctx.db.select().from(mailOutbox).all();

/** A server (re)start at the clock's current time: the scheduler's catch-up run, awaited. */
async function restart() {
  await scheduler?.stop();
  scheduler = startScheduler(ctx.deps, dailyMail);
  await scheduler.caughtUp;
}

describe('お元気メール schedule', () => {
  it('a start before 19:00 Tokyo queues nothing; 19:00 queues it once; later restarts add nothing', async () => {
    // Monday 23 November 2026, 11:20 in Tokyo; the resident was last seen at 10:45.
    ctx = await watchTestContext({ now: '2026-11-23T02:20:00Z' });
    await enroll(ctx, { dailyMail: true });
    await recordLifeSign(ctx.db, 1, 'order', new Date('2026-11-23T01:45:00Z'));
    await restart();
    expect(await queued()).toHaveLength(0);

    ctx.clock.set('2026-11-23T10:00:00Z');
    await scheduler!.runNow('watch.daily-mail');
    const mails = await queued();
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.dedupeKey.includes(':2026-11-23:'))).toBe(true);

    // A restart later the same evening does not send the day again, even after new activity.
    ctx.clock.set('2026-11-23T12:30:00Z');
    await recordLifeSign(ctx.db, 1, 'order', new Date('2026-11-23T12:00:00Z'));
    await restart();
    await scheduler!.runNow('watch.daily-mail');
    expect(await queued()).toHaveLength(2);
  });

  it('a start after 19:00 catches up that day; the next morning it does not send the day before', async () => {
    ctx = await watchTestContext({ now: '2026-11-23T02:00:00Z' });
    await enroll(ctx, { dailyMail: true });
    await recordLifeSign(ctx.db, 1, 'order', new Date('2026-11-23T02:00:00Z'));
    // Down from before 19:00 until 20:10: the first start after the slot sends the day's mail.
    ctx.clock.set('2026-11-23T11:10:00Z');
    await restart();
    expect(await queued()).toHaveLength(2);

    // Tuesday: active at 18:00, the server down over 19:00, back on Wednesday at 08:00.
    ctx.clock.set('2026-11-24T09:00:00Z');
    await recordLifeSign(ctx.db, 1, 'order', new Date('2026-11-24T09:00:00Z'));
    ctx.clock.set('2026-11-24T23:00:00Z');
    await restart();
    expect(await queued()).toHaveLength(2);
  });
});
