import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { closeMonth } from './close-month';
import { LEASE_JOB } from './close-lease';
import { addCharge, closeTime } from './testing';

const settings = DEFAULT_BILLING_SETTINGS;
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
  for (let h = 1; h <= 20; h++)
    addCharge(ctx.sqlite, { householdId: h, kind: 'ride', amountYen: 500, month: '2026-10' });
});
afterEach(() => ctx.close());

const isClosed = () =>
  ctx.sqlite.prepare("SELECT count(*) FROM billing_closes WHERE month = '2026-10'").pluck().get();

describe('the monthly close runs off the request path', () => {
  it('serves a heartbeat while a close is running; the month counts as closed only when the close ends', async () => {
    let finished = false;
    // The smallest time budget: every step of households is its own transaction.
    const close = closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings, { batchMs: 0 }).then((r) => {
      finished = true;
      return r;
    });
    const beat = await ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' }, ctx.device(1));
    expect(beat.status).toBe(200);
    expect(finished).toBe(false);
    expect(isClosed()).toBe(0);
    const r = await close;
    expect(r.statementsTotal).toBe(r.ledgerTotal);
    expect(isClosed()).toBe(1);
  });

  it('refuses a second close of the same month while one is running, and writes nothing for it', async () => {
    const first = closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings, { batchMs: 0 });
    await expect(closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings)).rejects.toThrow(
      /締め処理が実行中です/,
    );
    const r = await first;
    expect(r.alreadyClosed).toBe(false);
    expect(ctx.sqlite.prepare("SELECT count(*) FROM statements WHERE month = '2026-10'").pluck().get()).toBe(
      r.statementCount,
    );
  });

  it('a close killed half-way is started again from a clean month and bills each charge once', async () => {
    // What kill -9 leaves: a lease held by a process that is gone, and some statements of the month.
    ctx.sqlite
      .prepare(
        `INSERT INTO job_runs (job, slot, started_at, result) VALUES (?, '2026-10', ?, json_object('holder', ?))`,
      )
      .run(LEASE_JOB, ctx.clock.now().getTime(), `${(await import('node:os')).hostname()}:999999999`);
    const partial = ctx.sqlite
      .prepare(
        `INSERT INTO statements (household_id, month, issued_on, issuer_name, issuer_reg_no, recipient_name, cable_customer_no,
           total8, tax8, total10, tax10, charges_total, carried_over, amount_due, line_count, created_at)
         VALUES (1, '2026-10', '2026-11-01', 'x', 'T1234567890123', 'x', 'x', 0, 0, 500, 45, 500, 0, 500, 1, 0)`,
      )
      .run().lastInsertRowid;
    ctx.sqlite
      .prepare(
        'INSERT INTO statement_lines (statement_id, charge_id) SELECT ?, id FROM charges WHERE household_id = 1',
      )
      .run(partial);

    const r = await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    expect(r.report.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(r.statementsTotal).toBe(r.ledgerTotal);
    expect(ctx.sqlite.prepare('SELECT count(*) FROM statement_lines').pluck().get()).toBe(r.ledgerCount);
    expect(ctx.sqlite.prepare('SELECT count(*) FROM job_runs WHERE job = ?').pluck().get(LEASE_JOB)).toBe(0);
  });

  it('a close that fails part-way leaves nothing behind, membership fees included', async () => {
    // A goods line without a seller cannot be settled: the last step refuses.
    addCharge(ctx.sqlite, {
      householdId: 3,
      kind: 'goods',
      amountYen: 300,
      sellerId: null,
      month: '2026-10',
    });
    const before = tableCounts(ctx);
    await expect(closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings, { batchMs: 0 })).rejects.toThrow(
      /does not reconcile/,
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});
