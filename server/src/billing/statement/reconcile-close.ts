export type CloseTotals = {
  month: string;
  /** Sum of every ledger row of the month (carry-overs included). */
  ledgerTotal: number;
  ledgerCount: number;
  /** Sum of amountDue over the month's statements. */
  statementsTotal: number;
  statementCount: number;
  /** Goods rows of the ledger. */
  goodsSales: number;
  /** Sum of settlement sales, payouts and commissions (with tax). */
  settledSales: number;
  payouts: number;
  commissions: number;
};

export type Reconciliation = { ok: boolean; lines: string[] };

const yen = (n: number) => `${n.toLocaleString('en-US')} yen`;

/**
 * The checks the close prints and refuses to commit without: statements add up to the ledger,
 * and seller payouts plus commission add up to goods sales.
 */
export function reconcileClose(t: CloseTotals): Reconciliation {
  const checks: [string, number, number][] = [
    ['statements = ledger', t.statementsTotal, t.ledgerTotal],
    ['settled sales = ledger goods', t.settledSales, t.goodsSales],
    ['payouts + commission = goods sales', t.payouts + t.commissions, t.goodsSales],
  ];
  const lines = [
    `close ${t.month}: ${t.ledgerCount} charges, ${t.statementCount} statements`,
    ...checks.map(
      ([label, got, want]) => `${got === want ? 'OK  ' : 'FAIL'} ${label}: ${yen(got)} vs ${yen(want)}`,
    ),
  ];
  return { ok: checks.every(([, got, want]) => got === want), lines };
}
