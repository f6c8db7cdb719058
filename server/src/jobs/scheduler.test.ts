import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { jobRuns } from '../../../db/src/schema';
import { claimSlot, finishSlot, startScheduler } from './scheduler';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('job scheduler', () => {
  it('claims a slot once, even when asked again (restart, second process)', async () => {
    ctx = await createTestContext({ seed: false });
    const now = ctx.clock.now();
    expect(await claimSlot(ctx.db, 'cutoff', '2026-11-23', now)).toBe(true);
    expect(await claimSlot(ctx.db, 'cutoff', '2026-11-23', now)).toBe(false);
    expect(await claimSlot(ctx.db, 'cutoff', '2026-11-24', now)).toBe(true);
    await finishSlot(ctx.db, 'cutoff', '2026-11-23', now, { planned: 3 });
    expect((await ctx.db.select().from(jobRuns).all()).map((r) => [r.slot, r.result])).toEqual([
      ['2026-11-23', { planned: 3 }],
      ['2026-11-24', null],
    ]);
  });

  it('runs every job once at start to catch up, and on demand, using the injected clock', async () => {
    ctx = await createTestContext({ seed: false });
    const seen: string[] = [];
    const scheduler = startScheduler(ctx.deps, [
      { name: 'probe', cron: '0 3 * * *', run: (deps) => seen.push(deps.clock.now().toISOString()) },
    ]);
    await scheduler.caughtUp;
    ctx.clock.advance(60_000);
    await scheduler.runNow('probe');
    await scheduler.stop();
    expect(seen).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-23T00:01:00.000Z']);
  });

  it('logs a failing job instead of crashing the process', async () => {
    ctx = await createTestContext({ seed: false });
    const scheduler = startScheduler(
      ctx.deps,
      [
        {
          name: 'broken',
          cron: '0 3 * * *',
          run: () => {
            throw new Error('boom');
          },
        },
      ],
      { catchUp: false },
    );
    await expect(scheduler.runNow('broken')).resolves.toBeUndefined();
    await scheduler.stop();
  });

  it('stops only once the run under way has finished, so shutdown never cuts a job short', async () => {
    ctx = await createTestContext({ seed: false });
    let finishJob!: () => void;
    const events: string[] = [];
    const scheduler = startScheduler(
      ctx.deps,
      [
        {
          name: 'slow',
          cron: '0 3 * * *',
          run: async () => {
            events.push('job started');
            await new Promise<void>((r) => (finishJob = r));
            events.push('job finished');
          },
        },
      ],
      { catchUp: false },
    );
    const run = scheduler.runNow('slow');
    const stopped = scheduler.stop().then(() => events.push('stopped'));
    await Promise.resolve();
    expect(events).toEqual(['job started']);
    finishJob();
    await Promise.all([run, stopped]);
    expect(events).toEqual(['job started', 'job finished', 'stopped']);
  });
});
