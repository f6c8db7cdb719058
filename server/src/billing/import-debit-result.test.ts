import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { debitDateFor } from './billing-month';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { closeMonth } from './close-month';
import { exportDebitBatch } from './export-debit-batch';
import { importDebitResult } from './import-debit-result';
import { addCharge, closeTime } from './testing';
import { simulateBankResult } from './zengin/simulate-bank-result';

let ctx: TestContext;
let request: Buffer;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
  addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-10' });
  await closeMonth(ctx.db, '2026-10', ctx.clock.now(), DEFAULT_BILLING_SETTINGS);
  request = exportDebitBatch(ctx.sqlite, '2026-10', ctx.clock.now(), DEFAULT_BILLING_SETTINGS).file;
});
afterEach(() => ctx.close());

const debitDate = debitDateFor('2026-10', 27); // 2026-11-27

describe('reading the bank result file strictly', () => {
  it('refuses a result file whose records end in LF without CR, and applies nothing', async () => {
    ctx.clock.set(`${debitDate}T06:00:00Z`);
    const result = simulateBankResult(request, new Map());
    const lfOnly = Buffer.from(result.toString('latin1').replaceAll('\r\n', '\n'), 'latin1');
    const before = tableCounts(ctx);
    expect(() => importDebitResult(ctx.sqlite, lfOnly, ctx.clock.now())).toThrow(/CR LF/);
    expect(tableCounts(ctx)).toEqual(before);
    expect(
      ctx.sqlite.prepare("SELECT count(*) FROM debit_items WHERE status <> 'requested'").pluck().get(),
    ).toBe(0);
    // The same result with CR LF, as the bank sends it, is applied.
    expect(importDebitResult(ctx.sqlite, result, ctx.clock.now()).paid).toBeGreaterThan(0);
  });

  it('refuses a result dated before its debit date, saying when the debit is due', async () => {
    // 3 November, 24 days before the debit on 27 November.
    ctx.clock.set('2026-11-03T01:00:00Z');
    const result = simulateBankResult(request, new Map());
    const before = tableCounts(ctx);
    expect(() => importDebitResult(ctx.sqlite, result, ctx.clock.now())).toThrow(
      '引落日（2026年11月27日(金)）より前に振替結果は届きません。本日は2026年11月3日(火)です。',
    );
    expect(tableCounts(ctx)).toEqual(before);
    // On the debit day itself (15:00 Tokyo) the result is plausible and applied.
    ctx.clock.set(`${debitDate}T06:00:00Z`);
    expect(importDebitResult(ctx.sqlite, result, ctx.clock.now()).paid).toBeGreaterThan(0);
  });
});
