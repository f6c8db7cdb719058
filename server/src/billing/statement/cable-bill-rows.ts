import type { Statement } from './types';

export const CABLE_CSV_COLUMNS = [
  'cable_customer_no',
  'month',
  'record_type',
  'category',
  'description',
  'date',
  'tax_rate',
  'reduced_rate',
  'amount_yen',
  'tax_yen',
] as const;

export type CableBillRow = [string, string, string, string, string, string, string, string, number, string];

/**
 * The cable operator's import for one statement: a `line` per charge, a `tax` row per rate
 * (tax computed on the statement, as the invoice shows), a `carry_over` row per unpaid amount and
 * a `total`. Summing the `line` and `carry_over` amounts gives the `total` row.
 */
export function cableBillRows(s: Statement): CableBillRow[] {
  const rows: CableBillRow[] = [];
  const no = s.recipient.cableCustomerNo;
  for (const g of s.groups) {
    for (const l of g.lines) {
      const carry = l.kind === 'carry_over';
      rows.push([
        no,
        s.month,
        carry ? 'carry_over' : 'line',
        g.title,
        l.description,
        l.date,
        carry ? '' : String(l.taxRate),
        l.reducedRate ? '※' : '',
        l.amountYen,
        '',
      ]);
    }
  }
  for (const r of s.rates) {
    rows.push([
      no,
      s.month,
      'tax',
      `${r.rate}%対象`,
      `${r.rate}%対象 合計`,
      s.issuedOn,
      String(r.rate),
      r.rate === 8 ? '※' : '',
      r.total,
      String(r.tax),
    ]);
  }
  rows.push([no, s.month, 'total', 'ご請求額', 'ご請求額', s.issuedOn, '', '', s.amountDue, '']);
  return rows;
}
