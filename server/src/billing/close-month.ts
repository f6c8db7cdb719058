import type { Sqlite } from '../../../db/src';
import { conflict } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';
import { billingMonthOf, parseBillingMonth } from './billing-month';
import type { BillingSettings } from './billing-settings';
import { planMembershipCharges } from './plan-membership-charges';
import { composeSettlement } from './statement/compose-settlement';
import { composeStatement } from './statement/compose-statement';
import { reconcileClose, type CloseTotals } from './statement/reconcile-close';
import type { ChargeKind, LedgerCharge } from './statement/types';

export type CloseResult = CloseTotals & {
  alreadyClosed: boolean;
  settlementCount: number;
  report: string[];
};

// Households per read: bounds memory to a few thousand statements' charges at a time.
const HOUSEHOLDS_PER_PAGE = 2000;

type ChargeRow = [number, number, ChargeKind, string, number, number, number | null, number | null, number];

/**
 * Closes a billing month: writes the membership fees, one statement per household with charges,
 * one settlement per seller with sales, checks that everything reconciles and records the close,
 * all in one transaction. Closing a closed month returns the recorded result and writes nothing,
 * so the job and an operator may both run it.
 */
export function closeMonth(sqlite: Sqlite, month: string, now: Date, settings: BillingSettings): CloseResult {
  parseBillingMonth(month);
  if (month >= billingMonthOf(now)) {
    throw conflict('month_not_over', `${month} has not ended yet in Tokyo (now ${tokyoDate(now)})`);
  }
  const recorded = () =>
    sqlite
      .prepare<[string], Record<string, unknown>>('SELECT * FROM billing_closes WHERE month = ?')
      .get(month);
  const existing = recorded();
  if (existing) return fromRecord(existing, true, sqlite);

  const issuedOn = tokyoDate(now);
  return sqlite.transaction((): CloseResult => {
    // Another process may have closed the month between the check and the write lock.
    const raced = recorded();
    if (raced) return fromRecord(raced, true, sqlite);

    const insertCharge = sqlite.prepare(
      `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, occurred_at, month, created_at)
       VALUES (?, 'membership', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING`,
    );
    const members = sqlite
      .prepare<[], { id: number; shopMemberSince: string | null }>(
        'SELECT id, shop_member_since AS shopMemberSince FROM households WHERE shop_member_since IS NOT NULL',
      )
      .all();
    for (const m of planMembershipCharges(members, month, settings.membership)) {
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

    const householdIds = sqlite
      .prepare<[string], number>(
        'SELECT DISTINCT household_id FROM charges WHERE month = ? ORDER BY household_id',
      )
      .pluck()
      .all(month);
    const pageCharges = sqlite
      .prepare<[string, number, number], ChargeRow>(
        `SELECT id, household_id, kind, description, amount_yen, tax_rate, seller_id, order_id, occurred_at
         FROM charges WHERE month = ? AND household_id BETWEEN ? AND ? ORDER BY household_id, id`,
      )
      .raw();
    const householdInfo = sqlite.prepare<[number], { name: string; no: string }>(
      'SELECT name, cable_customer_no AS no FROM households WHERE id = ?',
    );
    const insertStatement = sqlite.prepare(
      `INSERT INTO statements (household_id, month, issued_on, issuer_name, issuer_reg_no, recipient_name, cable_customer_no,
        total8, tax8, total10, tax10, charges_total, carried_over, amount_due, line_count, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const insertLine = sqlite.prepare('INSERT INTO statement_lines (charge_id, statement_id) VALUES (?, ?)');

    let statementCount = 0;
    const flush = (householdId: number, charges: LedgerCharge[]) => {
      const h = householdInfo.get(householdId)!;
      const s = composeStatement({
        month,
        issuedOn,
        issuer: settings.issuer,
        recipient: { householdId, name: h.name, cableCustomerNo: h.no },
        charges,
      });
      const r8 = s.rates.find((r) => r.rate === 8);
      const r10 = s.rates.find((r) => r.rate === 10);
      const id = insertStatement.run(
        householdId,
        month,
        issuedOn,
        settings.issuer.name,
        settings.issuer.registrationNumber,
        h.name,
        h.no,
        r8?.total ?? 0,
        r8?.tax ?? 0,
        r10?.total ?? 0,
        r10?.tax ?? 0,
        s.chargesTotal,
        s.carriedOver,
        s.amountDue,
        charges.length,
        now.getTime(),
      ).lastInsertRowid;
      for (const c of charges) insertLine.run(c.id, id);
      statementCount++;
    };

    for (let i = 0; i < householdIds.length; i += HOUSEHOLDS_PER_PAGE) {
      const from = householdIds[i]!;
      const to = householdIds[Math.min(i + HOUSEHOLDS_PER_PAGE, householdIds.length) - 1]!;
      const rows = pageCharges.all(month, from, to);
      let current: LedgerCharge[] = [];
      for (const r of rows) {
        if (current.length && current[0]!.householdId !== r[1]) {
          flush(current[0]!.householdId, current);
          current = [];
        }
        current.push({
          id: r[0],
          householdId: r[1],
          kind: r[2],
          description: r[3],
          amountYen: r[4],
          taxRate: r[5],
          sellerId: r[6],
          orderId: r[7],
          occurredAt: new Date(r[8]),
        });
      }
      if (current.length) flush(current[0]!.householdId, current);
    }

    const sellerRows = sqlite
      .prepare<
        [string],
        { sellerId: number; name: string; bp: number; reg: string | null; n: number; orders: number }
      >(
        `SELECT c.seller_id AS sellerId, s.name, s.commission_bp AS bp, s.invoice_reg_no AS reg,
                count(*) AS n, count(DISTINCT c.order_id) AS orders
         FROM charges c JOIN sellers s ON s.id = c.seller_id
         WHERE c.month = ? AND c.kind = 'goods' GROUP BY c.seller_id ORDER BY c.seller_id`,
      )
      .all(month);
    const byRate = sqlite.prepare<[string, number], { amount: number; taxRate: number }>(
      `SELECT sum(amount_yen) AS amount, tax_rate AS taxRate FROM charges
       WHERE month = ? AND kind = 'goods' AND seller_id = ? GROUP BY tax_rate`,
    );
    const insertSettlement = sqlite.prepare(
      `INSERT INTO seller_settlements (seller_id, month, sales, sales8, sales10, order_count, line_count, commission_bp,
        commission_net, commission_tax, payout, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    let settledSales = 0;
    let payouts = 0;
    let commissions = 0;
    for (const row of sellerRows) {
      const st = composeSettlement(
        { id: row.sellerId, name: row.name, commissionBp: row.bp, invoiceRegNo: row.reg },
        month,
        { byRate: byRate.all(month, row.sellerId), orderCount: row.orders, lineCount: row.n },
      );
      const rate = (r: number) => st.salesByRate.find((x) => x.rate === r)?.total ?? 0;
      insertSettlement.run(
        st.sellerId,
        month,
        st.sales,
        rate(8),
        rate(10),
        st.orderCount,
        st.lineCount,
        st.commissionBp,
        st.commissionNet,
        st.commissionTax,
        st.payout,
        now.getTime(),
      );
      settledSales += st.sales;
      payouts += st.payout;
      commissions += st.commissionTotal;
    }

    const ledger = sqlite
      .prepare<[string], { total: number | null; n: number; goods: number | null }>(
        `SELECT sum(amount_yen) AS total, count(*) AS n, sum(CASE WHEN kind = 'goods' THEN amount_yen END) AS goods
         FROM charges WHERE month = ?`,
      )
      .get(month)!;
    const stmts = sqlite
      .prepare<[string], { total: number | null; n: number }>(
        'SELECT sum(amount_due) AS total, count(*) AS n FROM statements WHERE month = ?',
      )
      .get(month)!;
    const totals: CloseTotals = {
      month,
      ledgerTotal: ledger.total ?? 0,
      ledgerCount: ledger.n,
      statementsTotal: stmts.total ?? 0,
      statementCount: stmts.n,
      goodsSales: ledger.goods ?? 0,
      settledSales,
      payouts,
      commissions,
    };
    const rec = reconcileClose(totals);
    if (!rec.ok || statementCount !== stmts.n) {
      // Throwing rolls the whole close back: a month is either closed and reconciled, or open.
      throw new Error(`close ${month} does not reconcile:\n${rec.lines.join('\n')}`);
    }
    sqlite
      .prepare(
        `INSERT INTO billing_closes (month, closed_at, ledger_total, ledger_count, statements_total, statement_count,
          goods_sales, payouts, commissions, report) VALUES (?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        month,
        now.getTime(),
        totals.ledgerTotal,
        totals.ledgerCount,
        totals.statementsTotal,
        totals.statementCount,
        totals.goodsSales,
        payouts,
        commissions,
        JSON.stringify(rec.lines),
      );
    return { ...totals, alreadyClosed: false, settlementCount: sellerRows.length, report: rec.lines };
  })();
}

function fromRecord(r: Record<string, unknown>, alreadyClosed: boolean, sqlite: Sqlite): CloseResult {
  const n = (k: string) => Number(r[k]);
  const settlementCount = sqlite
    .prepare<[string], number>('SELECT count(*) FROM seller_settlements WHERE month = ?')
    .pluck()
    .get(String(r.month))!;
  return {
    month: String(r.month),
    ledgerTotal: n('ledger_total'),
    ledgerCount: n('ledger_count'),
    statementsTotal: n('statements_total'),
    statementCount: n('statement_count'),
    goodsSales: n('goods_sales'),
    settledSales: n('goods_sales'),
    payouts: n('payouts'),
    commissions: n('commissions'),
    alreadyClosed,
    settlementCount,
    report: JSON.parse(String(r.report)) as string[],
  };
}
