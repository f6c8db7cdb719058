import type { Sqlite } from '../../../db/src';
import { tokyoDate } from '../lib/tokyo';
import { parseBillingMonth } from './billing-month';
import { assertCloseable } from './close-order';
import { carryOpenReceivables } from './list-follow-ups';
import type { BillingSettings } from './billing-settings';
import { planMembershipCharges } from './plan-membership-charges';
import { composeSettlement } from './statement/compose-settlement';
import { statementTotals } from './statement/compose-statement';
import { reconcileClose, type CloseTotals } from './statement/reconcile-close';
import type { ChargeKind } from './statement/types';

export type CloseResult = CloseTotals & {
  alreadyClosed: boolean;
  settlementCount: number;
  report: string[];
};

// Households per read: bounds memory to a few thousand statements' charges at a time.
const HOUSEHOLDS_PER_PAGE = 2000;

/**
 * Closes a billing month: writes the membership fees, one statement per household with charges,
 * one settlement per seller with sales, checks that everything reconciles and records the close,
 * all in one transaction. Closing a closed month returns the recorded result and writes nothing,
 * so the job and an operator may both run it.
 */
export function closeMonth(sqlite: Sqlite, month: string, now: Date, settings: BillingSettings): CloseResult {
  parseBillingMonth(month);
  const recorded = () =>
    sqlite
      .prepare<[string], Record<string, unknown>>('SELECT * FROM billing_closes WHERE month = ?')
      .get(month);
  const existing = recorded();
  if (existing) return fromRecord(existing, true, sqlite);
  assertCloseable(sqlite, month, now);

  const issuedOn = tokyoDate(now);
  return sqlite.transaction((): CloseResult => {
    // Another process may have closed the month between the check and the write lock.
    const raced = recorded();
    if (raced) return fromRecord(raced, true, sqlite);
    assertCloseable(sqlite, month, now);

    // Amounts still owed from earlier statements join this month's, before statements are summed.
    carryOpenReceivables(sqlite, month, now);

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
    // Sums per (household, kind, rate, seller) straight off charges_close_idx, in index order: SQLite adds
    // up the 2M rows and JavaScript sees a few per household. Tax is still computed once per rate
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

    const sellers = new Map<number, { byRate: Map<number, number>; lines: number; orders: number }>();
    // An order belongs to one household, so distinct orders are counted per household and summed.
    const householdOrders = new Map<number, Set<string>>();
    const countOrders = () => {
      for (const [sellerId, orders] of householdOrders) sellers.get(sellerId)!.orders += orders.size;
      householdOrders.clear();
    };
    let statementCount = 0;
    type Sum = { kind: ChargeKind; taxRate: number; amountYen: number; count: number };
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
      statementCount++;
    };

    for (let i = 0; i < householdIds.length; i += HOUSEHOLDS_PER_PAGE) {
      const from = householdIds[i]!;
      const to = householdIds[Math.min(i + HOUSEHOLDS_PER_PAGE, householdIds.length) - 1]!;
      const info = new Map(householdInfo.all(from, to).map((h) => [h[0], [h[1], h[2]] as [string, string]]));
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
          // Seller totals come from the same pass: a handful of sellers, bounded memory.
          let seller = sellers.get(sellerId);
          if (!seller) sellers.set(sellerId, (seller = { byRate: new Map(), lines: 0, orders: 0 }));
          seller.byRate.set(taxRate, (seller.byRate.get(taxRate) ?? 0) + amountYen);
          seller.lines += count;
          let seen = householdOrders.get(sellerId);
          if (!seen) householdOrders.set(sellerId, (seen = new Set()));
          for (const o of (orders ?? '').split(',')) if (o) seen.add(o);
        }
      }
      if (current.length) flush(currentId, current, info);
      countOrders();
    }

    // Link every charge to its statement in one statement, walking charges in (household, id)
    // order so the (statement, charge) key is appended in order.
    sqlite
      .prepare(
        `INSERT INTO statement_lines (statement_id, charge_id)
         SELECT s.id, c.id FROM charges c INDEXED BY charges_month_household_idx
         JOIN statements s ON s.household_id = c.household_id AND s.month = c.month
         WHERE c.month = ?`,
      )
      .run(month);

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
    // Every charge of the month sits on exactly one statement line.
    const linked = sqlite
      .prepare<[string], number>(
        'SELECT count(*) FROM statement_lines sl JOIN statements s ON s.id = sl.statement_id WHERE s.month = ?',
      )
      .pluck()
      .get(month)!;
    rec.lines.push(
      `${linked === ledger.n ? 'OK  ' : 'FAIL'} statement lines = ledger rows: ${linked} vs ${ledger.n}`,
    );
    if (!rec.ok || statementCount !== stmts.n || linked !== ledger.n) {
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
    return { ...totals, alreadyClosed: false, settlementCount: sellerIds.length, report: rec.lines };
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
