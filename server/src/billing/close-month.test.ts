import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { closeMonth } from './close-month';
import { loadStatement } from './load-statements';
import { addCharge, closeTime } from './testing';

const settings = DEFAULT_BILLING_SETTINGS;
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
});
afterEach(() => ctx.close());

const households = (ctx: TestContext) =>
  ctx.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number;

describe('closeMonth', () => {
  it('bills membership, goods and rides per household and reconciles', async () => {
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 198,
      sellerId: 1,
      orderId: 11,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 350,
      sellerId: 1,
      orderId: 11,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 344,
      taxRate: 10,
      sellerId: 2,
      orderId: 11,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-10' });
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-10' });
    addCharge(ctx.sqlite, {
      householdId: 2,
      kind: 'goods',
      amountYen: 100,
      sellerId: 1,
      orderId: 12,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, {
      householdId: 2,
      kind: 'goods',
      amountYen: 110,
      taxRate: 10,
      sellerId: 1,
      orderId: 12,
      month: '2026-10',
    });
    // Another month's charge stays out of this close.
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-11' });

    const r = await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    const n = households(ctx);
    expect(r.alreadyClosed).toBe(false);
    // Every demo household is a shopping member: one statement each.
    expect(r.statementCount).toBe(n);
    expect(r.ledgerCount).toBe(n + 7);
    expect(r.statementsTotal).toBe(n * 1000 + 198 + 350 + 344 + 500 + 500 + 100 + 110);
    expect(r.statementsTotal).toBe(r.ledgerTotal);
    expect(r.payouts + r.commissions).toBe(r.goodsSales);
    expect(r.report.filter((l) => l.startsWith('FAIL'))).toEqual([]);

    const id = ctx.sqlite
      .prepare("SELECT id FROM statements WHERE household_id = 1 AND month = '2026-10'")
      .pluck()
      .get() as number;
    const s = loadStatement(ctx.sqlite, id);
    expect(s.groups.map((g) => [g.key, g.subtotal])).toEqual([
      ['membership', 1000],
      ['order:11', 892],
      ['rides', 500],
    ]);
    expect(s.rates).toEqual([
      { rate: 8, total: 548, tax: 40, net: 508 },
      { rate: 10, total: 1844, tax: 167, net: 1677 },
    ]);
    expect(s.issuer.registrationNumber).toBe(settings.issuer.registrationNumber);
    expect(s.issuedOn).toBe('2026-11-01');

    const settlements = ctx.sqlite
      .prepare(
        "SELECT seller_id AS sellerId, sales, order_count AS orders, line_count AS lines, commission_net AS net, commission_tax AS tax, payout FROM seller_settlements WHERE month = '2026-10' ORDER BY seller_id",
      )
      .all();
    expect(settlements).toEqual([
      // Seller 1: order 11 (two 8 % lines) and order 12 (one line at each rate).
      { sellerId: 1, sales: 758, orders: 2, lines: 4, net: 75, tax: 7, payout: 676 },
      { sellerId: 2, sales: 344, orders: 1, lines: 1, net: 34, tax: 3, payout: 307 },
    ]);
  });

  it('closing twice changes nothing and returns the recorded result', async () => {
    addCharge(ctx.sqlite, { householdId: 3, kind: 'ride', amountYen: 500, month: '2026-10' });
    const first = await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    const before = tableCounts(ctx);
    ctx.clock.advance(3_600_000);
    const second = await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    expect(tableCounts(ctx)).toEqual(before);
    expect(second.alreadyClosed).toBe(true);
    expect({ ...second, alreadyClosed: false }).toEqual(first);
  });

  it('refuses a month that has not ended in Tokyo, though it has in UTC terms of the day', async () => {
    // 2026-11-30 23:59 Tokyo = 14:59 UTC: November is still running.
    const lastMinute = new Date('2026-11-30T14:59:00Z');
    await expect(closeMonth(ctx.db, '2026-11', lastMinute, settings)).rejects.toThrow(/has not ended yet/);
    expect(ctx.sqlite.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
    // 15:00 UTC is midnight on 1 December in Tokyo.
    const r = await closeMonth(ctx.db, '2026-11', new Date('2026-11-30T15:00:00Z'), settings);
    expect(r.statementCount).toBe(households(ctx));
  });

  it('a charge at 00:30 Tokyo on the 1st belongs to the new month even though UTC still says the 31st', async () => {
    const id = addCharge(ctx.sqlite, {
      householdId: 4,
      kind: 'ride',
      amountYen: 500,
      month: '2026-11',
      day: '01',
    });
    const at = ctx.sqlite.prepare('SELECT occurred_at FROM charges WHERE id = ?').pluck().get(id) as number;
    expect(new Date(at).toISOString().slice(0, 10)).toBe('2026-11-01');
    await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    const billed = ctx.sqlite
      .prepare('SELECT count(*) FROM statement_lines WHERE charge_id = ?')
      .pluck()
      .get(id);
    expect(billed).toBe(0);
  });

  it('a close that does not reconcile writes nothing', async () => {
    // A goods line without a seller cannot be settled, so goods sales ≠ settled sales.
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 300,
      sellerId: null,
      month: '2026-10',
    });
    const before = tableCounts(ctx);
    await expect(closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings)).rejects.toThrow(
      /does not reconcile/,
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});
