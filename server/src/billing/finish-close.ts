import type { Sqlite } from '../../../db/src';
import type { CloseTotalsSoFar } from './close-households';
import { composeSettlement } from './statement/compose-settlement';
import { reconcileClose, type CloseTotals } from './statement/reconcile-close';

/**
 * The last transaction of a close: one settlement per seller, the reconciliation, and the
 * `billing_closes` row that makes the month closed. Throws when anything does not reconcile; the
 * caller then discards what the batches wrote.
 */
export function finishClose(
  sqlite: Sqlite,
  month: string,
  now: Date,
  totalsSoFar: CloseTotalsSoFar,
): CloseTotals & { settlementCount: number; report: string[] } {
  const sellers = totalsSoFar.sellers;
  const statementCount = totalsSoFar.statementCount;
  const sellerInfo = sqlite.prepare<[number], { name: string; bp: number; reg: string | null }>(
    'SELECT name, commission_bp AS bp, invoice_reg_no AS reg FROM sellers WHERE id = ?',
  );
  const insertSettlement = sqlite.prepare(
    `INSERT INTO seller_settlements (seller_id, month, sales, sales8, sales10, order_count, line_count, commission_bp,
      commission_net, commission_tax, payout, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  let settledSales = 0;
  let payouts = 0;
  let commissions = 0;
  const sellerIds = [...sellers.keys()].sort((a, b) => a - b);
  for (const sellerId of sellerIds) {
    const acc = sellers.get(sellerId)!;
    const info = sellerInfo.get(sellerId);
    if (!info) throw new Error(`charges name seller ${sellerId}, which does not exist`);
    const st = composeSettlement(
      { id: sellerId, name: info.name, commissionBp: info.bp, invoiceRegNo: info.reg },
      month,
      {
        byRate: [...acc.byRate].map(([taxRate, amount]) => ({ taxRate, amount })),
        orderCount: acc.orders,
        lineCount: acc.lines,
      },
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
  // Every charge of the month sits on exactly one statement line. The batches count the lines
  // they write (only a close writes them), which spares a 2M-row join in this last transaction.
  const linked = totalsSoFar.lines;
  rec.lines.push(
    `${linked === ledger.n ? 'OK  ' : 'FAIL'} statement lines = ledger rows: ${linked} vs ${ledger.n}`,
  );
  if (!rec.ok || statementCount !== stmts.n || linked !== ledger.n) {
    // The close then discards its batches: a month is either closed and reconciled, or open.
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
  return { ...totals, settlementCount: sellerIds.length, report: rec.lines };
}
