import type { Sqlite } from '../../../db/src';
import { tokyoDate } from '../lib/tokyo';
import type { BillingSettings } from './billing-settings';
import { planMembershipCharges } from './plan-membership-charges';
import { statementTotals } from './statement/compose-statement';
import type { ChargeKind } from './statement/types';

/** What the batches of one close add up as they go: a handful of sellers, bounded memory. */
export type CloseTotalsSoFar = {
  statementCount: number;
  /** Statement lines written. */
  lines: number;
  sellers: Map<number, { byRate: Map<number, number>; lines: number; orders: number }>;
};

type Sum = { kind: ChargeKind; taxRate: number; amountYen: number; count: number };

/**
 * The statements of one month for households `from`..`to`, prepared once per close. Each call of
 * `run` is one short transaction's worth of work: the membership fees of the range, one
 * statement per household with charges, and their statement lines.
 */
export function prepareHouseholdClose(
  sqlite: Sqlite,
  month: string,
  now: Date,
  settings: BillingSettings,
  totals: CloseTotalsSoFar,
) {
  const issuedOn = tokyoDate(now);
  const insertCharge = sqlite.prepare(
    `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, occurred_at, month, created_at)
     VALUES (?, 'membership', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING`,
  );
  const members = sqlite.prepare<[number, number], { id: number; shopMemberSince: string | null }>(
    `SELECT id, shop_member_since AS shopMemberSince FROM households
     WHERE shop_member_since IS NOT NULL AND id BETWEEN ? AND ?`,
  );
  // Sums per (household, kind, rate, seller) straight off charges_close_idx, in index order: SQLite
  // adds up the rows and JavaScript sees a few per household. Tax is still computed once per rate
  // per statement, by the same statementTotals the printable statement uses.
  const pageSums = sqlite
    .prepare<
      [string, number, number],
      [number, ChargeKind, number, number | null, string | null, number, number]
    >(
      `SELECT household_id, kind, tax_rate, seller_id, group_concat(DISTINCT order_id), sum(amount_yen), count(*)
       FROM charges INDEXED BY charges_close_idx
       WHERE month = ? AND household_id BETWEEN ? AND ? GROUP BY household_id, kind, tax_rate, seller_id`,
    )
    .raw();
  const householdInfo = sqlite
    .prepare<[number, number], [number, string, string]>(
      'SELECT id, name, cable_customer_no FROM households WHERE id BETWEEN ? AND ?',
    )
    .raw();
  const insertStatement = sqlite.prepare(
    `INSERT INTO statements (household_id, month, issued_on, issuer_name, issuer_reg_no, recipient_name, cable_customer_no,
      total8, tax8, total10, tax10, charges_total, carried_over, amount_due, line_count, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  // Charges walked in (household, id) order, so the (statement, charge) key is appended in order.
  // Spelled >= and <=: with BETWEEN and the join, SQLite used only the lower bound and walked the
  // rest of the month's charges in every batch.
  const insertLines = sqlite.prepare(
    `INSERT INTO statement_lines (statement_id, charge_id)
     SELECT s.id, c.id FROM charges c INDEXED BY charges_month_household_idx
     CROSS JOIN statements s ON s.household_id = c.household_id AND s.month = c.month
     WHERE c.month = ? AND c.household_id >= ? AND c.household_id <= ?`,
  );

  const flush = (householdId: number, sums: Sum[], info: Map<number, [string, string]>) => {
    const [name, no] = info.get(householdId)!;
    const t = statementTotals(sums);
    const r8 = t.rates.find((r) => r.rate === 8);
    const r10 = t.rates.find((r) => r.rate === 10);
    insertStatement.run(
      householdId,
      month,
      issuedOn,
      settings.issuer.name,
      settings.issuer.registrationNumber,
      name,
      no,
      r8?.total ?? 0,
      r8?.tax ?? 0,
      r10?.total ?? 0,
      r10?.tax ?? 0,
      t.chargesTotal,
      t.carriedOver,
      t.amountDue,
      sums.reduce((n, x) => n + x.count, 0),
      now.getTime(),
    );
    totals.statementCount++;
  };

  return function run(from: number, to: number): void {
    for (const m of planMembershipCharges(members.all(from, to), month, settings.membership)) {
      insertCharge.run(
        m.householdId,
        m.sourceKey,
        m.description,
        m.amountYen,
        m.taxRate,
        m.occurredAt.getTime(),
        month,
        now.getTime(),
      );
    }
    const info = new Map(householdInfo.all(from, to).map((h) => [h[0], [h[1], h[2]] as [string, string]]));
    // An order belongs to one household, so distinct orders are counted per household and summed.
    const householdOrders = new Map<number, Set<string>>();
    const countOrders = () => {
      for (const [sellerId, orders] of householdOrders) totals.sellers.get(sellerId)!.orders += orders.size;
      householdOrders.clear();
    };
    let current: Sum[] = [];
    let currentId = -1;
    for (const [householdId, kind, taxRate, sellerId, orders, amountYen, count] of pageSums.all(
      month,
      from,
      to,
    )) {
      if (current.length && currentId !== householdId) {
        flush(currentId, current, info);
        countOrders();
        current = [];
      }
      currentId = householdId;
      current.push({ kind, taxRate, amountYen, count });
      if (kind === 'goods' && sellerId !== null) {
        let seller = totals.sellers.get(sellerId);
        if (!seller) totals.sellers.set(sellerId, (seller = { byRate: new Map(), lines: 0, orders: 0 }));
        seller.byRate.set(taxRate, (seller.byRate.get(taxRate) ?? 0) + amountYen);
        seller.lines += count;
        let seen = householdOrders.get(sellerId);
        if (!seen) householdOrders.set(sellerId, (seen = new Set()));
        for (const o of (orders ?? '').split(',')) if (o) seen.add(o);
      }
    }
    if (current.length) flush(currentId, current, info);
    countOrders();
    totals.lines += insertLines.run(month, from, to).changes;
  };
}
