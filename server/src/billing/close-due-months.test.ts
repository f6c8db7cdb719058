import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { startScheduler } from '../jobs/scheduler';
import { billingJobs } from './jobs';
import { addCharge, closeTime } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: '2026-09-15T03:00:00Z' });
});
afterEach(() => ctx.close());

const closed = (ctx: TestContext) =>
  ctx.sqlite.prepare('SELECT month FROM billing_closes ORDER BY month').pluck().all();

describe('billing.close job', () => {
  it('closes each ended month once, catching up after downtime, and never the running month', async () => {
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-09' });
    const scheduler = startScheduler(ctx.deps, billingJobs, { catchUp: false });
    try {
      // Mid-September: August is over, September is not.
      await scheduler.runNow('billing.close');
      expect(closed(ctx)).toEqual(['2026-08']);

      // Down from mid-September until 1 December 00:30 Tokyo: September, October and November close in order.
      ctx.clock.set(closeTime('2026-12'));
      addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-10' });
      await scheduler.runNow('billing.close');
      expect(closed(ctx)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
      const slots = ctx.sqlite
        .prepare("SELECT slot FROM job_runs WHERE job = 'billing.close' ORDER BY slot")
        .pluck()
        .all();
      expect(slots).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);

      // Running again the same night changes nothing.
      const statements = ctx.sqlite.prepare('SELECT count(*) FROM statements').pluck().get();
      await scheduler.runNow('billing.close');
      expect(ctx.sqlite.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(statements);
      expect(closed(ctx)).toHaveLength(4);
    } finally {
      await scheduler.stop();
    }
  });
});
