import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { startScheduler } from '../jobs/scheduler';
import { billingJobs } from './jobs';
import { addCharge, closeTime } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  // 1 December, 00:30 Tokyo: November has just ended.
  ctx = await createTestContext({ now: closeTime('2026-12') });
  addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-11' });
});
afterEach(() => ctx.close());

const closed = () => ctx.sqlite.prepare('SELECT month FROM billing_closes ORDER BY month').pluck().all();
const membershipMonths = () =>
  ctx.sqlite
    .prepare(
      "SELECT month, count(*) AS n FROM charges WHERE kind = 'membership' GROUP BY month ORDER BY month",
    )
    .all();
const members = () =>
  ctx.sqlite.prepare('SELECT count(*) FROM households WHERE shop_member_since IS NOT NULL').pluck().get();

async function runCloseJob() {
  const scheduler = startScheduler(ctx.deps, billingJobs, { catchUp: false });
  try {
    await scheduler.runNow('billing.close');
  } finally {
    await scheduler.stop();
  }
}

describe('which month may be closed', () => {
  it('refuses a close of a month before the service started, writes nothing, and the next start bills only the month that ended', async () => {
    const city = await ctx.login('city');
    const before = tableCounts(ctx);
    // A typo for 2026-11.
    const res = await ctx.json('POST', '/api/billing/closes', { month: '2016-11' }, city);
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('month_before_service');
    expect(body.error.message).toContain('次に締める月は2026年11月です');
    expect(tableCounts(ctx)).toEqual(before);

    await runCloseJob();
    expect(closed()).toEqual(['2026-11']);
    expect(membershipMonths()).toEqual([{ month: '2026-11', n: members() }]);
  });

  it('refuses to close a month while an earlier one is still open (no gaps)', async () => {
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-09' });
    const city = await ctx.login('city');
    const before = tableCounts(ctx);
    const res = await ctx.json('POST', '/api/billing/closes', { month: '2026-10' }, city);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('month_out_of_order');
    expect(tableCounts(ctx)).toEqual(before);
    expect((await ctx.json('POST', '/api/billing/closes', { month: '2026-09' }, city)).status).toBe(200);
    expect((await ctx.json('POST', '/api/billing/closes', { month: '2026-10' }, city)).status).toBe(200);
  });

  it('refuses a month that has not ended, and any month after it', async () => {
    const city = await ctx.login('city');
    for (const month of ['2026-12', '2027-01']) {
      const res = await ctx.json('POST', '/api/billing/closes', { month }, city);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('month_not_over');
    }
  });

  it('the catch-up job never closes a month before the service start, whatever billing_closes already holds', async () => {
    // A close of 2016-11 accepted before this rule existed.
    ctx.sqlite
      .prepare(
        `INSERT INTO billing_closes (month, closed_at, ledger_total, ledger_count, statements_total, statement_count,
          goods_sales, payouts, commissions, report) VALUES ('2016-11', 0, 0, 0, 0, 0, 0, 0, 0, '[]')`,
      )
      .run();
    await runCloseJob();
    expect(closed()).toEqual(['2016-11', '2026-11']);
    expect(membershipMonths()).toEqual([{ month: '2026-11', n: members() }]);
  });

  it('the catch-up job looks back at most a year, even with older charges in the ledger', async () => {
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2024-05' });
    await runCloseJob();
    const months = closed();
    expect(months[0]).toBe('2025-12');
    expect(months).toHaveLength(12);
  });
});
