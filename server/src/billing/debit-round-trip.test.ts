import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { debitDateFor } from './billing-month';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { closeMonth } from './close-month';
import { exportDebitBatch } from './export-debit-batch';
import { getCurrentBilling } from './get-current-billing';
import { importDebitResult } from './import-debit-result';
import { listFollowUps } from './list-follow-ups';
import { addCharge, closeTime } from './testing';
import { readDebitFile } from './zengin/read-debit-file';
import { simulateBankResult } from './zengin/simulate-bank-result';
import type { ResultCode } from './zengin/types';

const settings = DEFAULT_BILLING_SETTINGS;
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
});
afterEach(() => ctx.close());

const customerNo = (ctx: TestContext, householdId: number) =>
  (
    ctx.sqlite
      .prepare('SELECT cable_customer_no FROM households WHERE id = ?')
      .pluck()
      .get(householdId) as string
  ).replace(/\D/g, '');
const account = (ctx: TestContext, householdId: number) =>
  ctx.sqlite
    .prepare(
      'SELECT mandate_status AS status, next_new_code AS newCode FROM bank_accounts WHERE household_id = ?',
    )
    .get(householdId) as { status: string; newCode: number } | undefined;

describe('direct debit round trip: close → export → bank result → import', () => {
  it('exports active mandates, imports results, carries failures and stops mandates', async () => {
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 1,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-10' });
    const close = await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);

    const batch = exportDebitBatch(ctx.sqlite, '2026-10', ctx.clock.now(), settings);
    // Demo household 5 has no account and 6's mandate is pending: both listed, not debited.
    expect(batch.skipped.map((s) => [s.householdId, s.reason])).toEqual([
      [5, '口座未登録'],
      [6, '口座振替依頼書の手続き中'],
    ]);
    expect(batch.recordCount).toBe(close.statementCount - 2);
    expect(batch.totalAmount).toBe(close.statementsTotal - 2000);

    const file = readDebitFile(batch.file, { kind: 'request' });
    expect(file.header.debitDate).toEqual({ month: 11, day: Number(debitDateFor('2026-10', 27).slice(8)) });
    const first = file.records[0]!;
    expect(first.amount).toBe(1000 + 892);
    expect(first.holderName).toBe('ﾔﾏﾀﾞ ﾊﾅｺ');
    expect(first.newCode).toBe(1);
    expect(first.customerNumber).toBe(customerNo(ctx, 1).padStart(20, '0'));
    // The first debit under a mandate is flagged once.
    expect(account(ctx, 1)!.newCode).toBe(0);

    // Exporting again returns the same bytes and writes nothing.
    const counts = tableCounts(ctx);
    const again = exportDebitBatch(ctx.sqlite, '2026-10', ctx.clock.now(), settings);
    expect(again.alreadyExported).toBe(true);
    expect(again.file.equals(batch.file)).toBe(true);
    expect(tableCounts(ctx)).toEqual(counts);

    // The bank: household 1 short of funds (1), household 2 no mandate on file (4).
    ctx.clock.set('2026-11-27T06:00:00Z');
    const outcomes = new Map<string, ResultCode>([
      [customerNo(ctx, 1), 1],
      [customerNo(ctx, 2), 4],
    ]);
    const resultFile = simulateBankResult(batch.file, outcomes);
    const r = importDebitResult(ctx.sqlite, resultFile, ctx.clock.now());
    expect(r).toMatchObject({
      month: '2026-10',
      paid: batch.recordCount - 2,
      failed: 2,
      followUps: 2,
      mandatesStopped: 1,
    });
    expect(account(ctx, 1)!.status).toBe('active');
    expect(account(ctx, 2)!.status).toBe('stopped');

    // Failed amounts are on the follow-up list until the next close carries them.
    expect(ctx.sqlite.prepare("SELECT count(*) FROM charges WHERE kind = 'carry_over'").pluck().get()).toBe(
      0,
    );
    // The resident sees a plain notice; staff see both on the follow-up list.
    const tv = getCurrentBilling(ctx.sqlite, 1, ctx.clock.now());
    expect(tv.notice).toBe(
      '10月分のお支払い（1,892円）が口座から引き落とせませんでした。来月分と合わせて引き落とします。',
    );
    expect(tv.carriedOver).toBe(1892);
    expect(tv.lastStatement).toEqual({ month: '2026-10', amountDue: 1892, status: 'failed' });
    expect(getCurrentBilling(ctx.sqlite, 3, ctx.clock.now()).notice).toBeNull();
    // One list: the failed debits and the households the export left out (5 no account, 6 pending).
    expect(
      listFollowUps(ctx.sqlite).map((f) => [f.householdId, f.cause, f.resultCode, f.amount, f.mandateStatus]),
    ).toEqual([
      [1, 'debit_failed', 1, 1892, 'active'],
      [2, 'debit_failed', 4, 1500, 'stopped'],
      [5, 'no_account', null, 1000, null],
      [6, 'mandate_pending', null, 1000, 'pending'],
    ]);

    // Importing the same file again changes nothing.
    const before = tableCounts(ctx);
    expect(importDebitResult(ctx.sqlite, resultFile, ctx.clock.now())).toMatchObject({
      unchanged: batch.recordCount,
      paid: 0,
    });
    expect(tableCounts(ctx)).toEqual(before);

    // Next month: the carry-over is on household 1's statement and debited; household 2 is not debited.
    ctx.clock.set(closeTime('2026-12'));
    await closeMonth(ctx.db, '2026-11', ctx.clock.now(), settings);
    // The close carried them, untaxed, into November.
    const carried = ctx.sqlite
      .prepare(
        "SELECT household_id AS h, amount_yen AS amount, tax_rate AS rate, month FROM charges WHERE kind = 'carry_over' ORDER BY household_id",
      )
      .all();
    expect(carried).toEqual([
      { h: 1, amount: 1892, rate: 0, month: '2026-11' },
      { h: 2, amount: 1500, rate: 0, month: '2026-11' },
      { h: 5, amount: 1000, rate: 0, month: '2026-11' },
      { h: 6, amount: 1000, rate: 0, month: '2026-11' },
    ]);
    expect(listFollowUps(ctx.sqlite)).toEqual([]);
    const next = exportDebitBatch(ctx.sqlite, '2026-11', ctx.clock.now(), settings);
    const nextFile = readDebitFile(next.file, { kind: 'request' });
    expect(nextFile.records.find((x) => x.customerNumber.endsWith(customerNo(ctx, 1)))!.amount).toBe(
      1000 + 1892,
    );
    expect(nextFile.records.some((x) => x.customerNumber.endsWith(customerNo(ctx, 2)))).toBe(false);
    expect(next.skipped.find((s) => s.householdId === 2)!.reason).toBe('口座振替停止中（再届出待ち）');
  });

  it('refuses to export when a name cannot be encoded, naming every household, and writes nothing', async () => {
    await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    ctx.sqlite.prepare("UPDATE bank_accounts SET holder_kana = '山田 花子' WHERE household_id = 1").run();
    ctx.sqlite.prepare("UPDATE bank_accounts SET branch_name = 'ﾀｶﾄｵ〜' WHERE household_id = 3").run();
    const before = tableCounts(ctx);
    let message = '';
    try {
      exportDebitBatch(ctx.sqlite, '2026-10', ctx.clock.now(), settings);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/2 household\(s\) cannot be debited/);
    expect(message).toMatch(/household 1 山田家: 預金者名 "山田 花子" contains "山"/);
    expect(message).toMatch(/household 3 北原家: 支店名 "ﾀｶﾄｵ〜" contains "〜"/);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a result file that does not match the batch, and one that is malformed', async () => {
    await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    const batch = exportDebitBatch(ctx.sqlite, '2026-10', ctx.clock.now(), settings);
    const result = simulateBankResult(batch.file, new Map());
    const tampered = Buffer.from(result);
    // Change the first data record's amount (81-90) and keep the trailer consistent by editing it too.
    const firstAmount = Number(tampered.subarray(122 + 80, 122 + 90).toString('latin1'));
    tampered.write(String(firstAmount + 1).padStart(10, '0'), 122 + 80, 'latin1');
    const before = tableCounts(ctx);
    expect(() => importDebitResult(ctx.sqlite, tampered, ctx.clock.now())).toThrow(/trailer 合計金額/);
    expect(() => importDebitResult(ctx.sqlite, Buffer.from('garbage'), ctx.clock.now())).toThrow(
      /not a multiple of 120/,
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});
