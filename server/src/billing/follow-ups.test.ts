import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { closeMonth } from './close-month';
import { exportDebitBatch } from './export-debit-batch';
import { importDebitResult } from './import-debit-result';
import { addCharge, closeTime } from './testing';
import { simulateBankResult } from './zengin/simulate-bank-result';
import type { ResultCode } from './zengin/types';

const settings = DEFAULT_BILLING_SETTINGS;
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
});
afterEach(() => ctx.close());

const one = (sql: string) => ctx.sqlite.prepare(sql).pluck().get() as number;
const customerNo = (h: number) =>
  (
    ctx.sqlite.prepare('SELECT cable_customer_no FROM households WHERE id = ?').pluck().get(h) as string
  ).replace(/\D/g, '');

/** Everything billed on closed statements, the carry-overs aside (they re-bill an earlier amount). */
const billed = () =>
  one(
    `SELECT coalesce(sum(c.amount_yen), 0) FROM charges c JOIN billing_closes b ON b.month = c.month
     WHERE c.kind <> 'carry_over'`,
  );
const debited = () => one("SELECT coalesce(sum(amount), 0) FROM debit_items WHERE status = 'paid'");
/** Open, paid another way, or written off: every amount on the list that is not re-billed later. */
const onTheList = () => one("SELECT coalesce(sum(amount_yen), 0) FROM receivables WHERE state <> 'carried'");

function runDebit(month: string, debitDay: string, failures: [number, ResultCode][]) {
  const batch = exportDebitBatch(ctx.sqlite, month, ctx.clock.now(), settings);
  ctx.clock.set(`${debitDay}T06:00:00Z`);
  const outcomes = new Map(failures.map(([h, code]) => [customerNo(h), code]));
  importDebitResult(ctx.sqlite, simulateBankResult(batch.file, outcomes), ctx.clock.now());
  return batch;
}

describe('money not debited stays owed on one follow-up list', () => {
  it('every yen billed is debited or on the list, to the yen, until paid or written off by a named staff member', async () => {
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 1,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-10' });
    addCharge(ctx.sqlite, {
      householdId: 5,
      kind: 'goods',
      amountYen: 198,
      sellerId: 1,
      orderId: 2,
      month: '2026-10',
    });
    addCharge(ctx.sqlite, { householdId: 6, kind: 'ride', amountYen: 500, month: '2026-10' });
    await closeMonth(ctx.db, '2026-10', ctx.clock.now(), settings);
    // Household 5 has no account and 6's form is still at the bank: the export leaves both out.
    // The bank: 1 short of funds, 2 no mandate on file.
    runDebit('2026-10', '2026-11-27', [
      [1, 1],
      [2, 4],
    ]);
    expect(billed()).toBe(debited() + onTheList());

    const city = await ctx.login('city');
    const list = (await (await ctx.request('/api/billing/follow-ups', { headers: city })).json()) as {
      followUps: { id: number; householdId: number; amount: number; reason: string }[];
    };
    expect(list.followUps.map((f) => [f.householdId, f.amount, f.reason])).toEqual([
      [1, 1892, '振替不能 1 資金不足（翌月再振替）'],
      [2, 1500, '振替不能 4 依頼書なし（口座振替依頼書の提出が必要）'],
      [5, 1198, '口座未登録'],
      [6, 1500, '口座振替依頼書の手続き中'],
    ]);
    const id = (h: number) => list.followUps.find((f) => f.householdId === h)!.id;

    // A write-off needs a reason; a refusal writes nothing.
    const before = tableCounts(ctx);
    const bad = await ctx.json(
      'POST',
      `/api/billing/follow-ups/${id(6)}`,
      { outcome: 'written_off', reason: ' ' },
      city,
    );
    expect(bad.status).toBe(400);
    expect(tableCounts(ctx)).toEqual(before);

    // Household 5 paid at the counter; household 6's debt is written off.
    const paid = await ctx.json(
      'POST',
      `/api/billing/follow-ups/${id(5)}`,
      { outcome: 'paid', method: '窓口で現金', paidOn: '2026-11-27' },
      city,
    );
    expect(paid.status).toBe(204);
    const page = await ctx.request(`/console/billing/follow-ups/${id(6)}`, {
      method: 'POST',
      headers: { ...city, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome: 'written_off', reason: '転居先不明のため回収不能' }).toString(),
    });
    expect(page.status).toBe(303);
    const cityId = one("SELECT id FROM staff_users WHERE login_id = 'city'");
    expect(
      ctx.sqlite
        .prepare(
          `SELECT household_id AS h, state, paid_method AS method, paid_on AS paidOn, write_off_reason AS reason,
                  resolved_by AS by FROM receivables WHERE household_id IN (5, 6) ORDER BY household_id`,
        )
        .all(),
    ).toEqual([
      { h: 5, state: 'paid', method: '窓口で現金', paidOn: '2026-11-27', reason: null, by: cityId },
      {
        h: 6,
        state: 'written_off',
        method: null,
        paidOn: null,
        reason: '転居先不明のため回収不能',
        by: cityId,
      },
    ]);
    // Settled once: it cannot be settled again.
    expect(
      (
        await ctx.json(
          'POST',
          `/api/billing/follow-ups/${id(5)}`,
          { outcome: 'written_off', reason: 'x' },
          city,
        )
      ).status,
    ).toBe(404);
    expect(billed()).toBe(debited() + onTheList());

    // The console lists what is still open, in Japanese.
    const html = await (await ctx.request('/console/billing/follow-ups', { headers: city })).text();
    expect(html).toContain('未収 2件 合計 <strong>3,392円</strong>');
    expect(html).toContain('2026年10月分');

    // November: the next close carries what is still open (1 and 2), not what was settled (5 and 6).
    ctx.clock.set(closeTime('2026-12'));
    await closeMonth(ctx.db, '2026-11', ctx.clock.now(), settings);
    expect(
      ctx.sqlite
        .prepare(
          "SELECT household_id AS h, amount_yen AS amount FROM charges WHERE kind = 'carry_over' ORDER BY 1",
        )
        .all(),
    ).toEqual([
      { h: 1, amount: 1892 },
      { h: 2, amount: 1500 },
    ]);
    expect(one("SELECT amount_due FROM statements WHERE household_id = 5 AND month = '2026-11'")).toBe(1000);
    // Household 1 pays this time; 2's mandate is stopped, so its whole statement is on the list again.
    runDebit('2026-11', '2026-12-28', []);
    expect(billed()).toBe(debited() + onTheList());
    const open = (await (
      await ctx.request('/api/billing/follow-ups', { headers: await ctx.login('city') })
    ).json()) as {
      followUps: { householdId: number; month: string; amount: number }[];
    };
    expect(open.followUps.filter((f) => f.householdId === 2)).toEqual([
      expect.objectContaining({ month: '2026-11', amount: 1000 + 1500 }),
    ]);
  });
});
