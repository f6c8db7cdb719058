import type { Sqlite } from '../../../db/src';
import { notFound } from '../lib/errors';
import { composeStatement } from './statement/compose-statement';
import type { ChargeKind, LedgerCharge, Statement } from './statement/types';

type Head = {
  id: number;
  householdId: number;
  month: string;
  issuedOn: string;
  issuerName: string;
  issuerRegNo: string;
  recipientName: string;
  cableCustomerNo: string;
};

const HEAD = `SELECT id, household_id AS householdId, month, issued_on AS issuedOn, issuer_name AS issuerName,
  issuer_reg_no AS issuerRegNo, recipient_name AS recipientName, cable_customer_no AS cableCustomerNo FROM statements`;

type LineRow = [
  number,
  number,
  number,
  ChargeKind,
  string,
  number,
  number,
  number | null,
  number | null,
  number,
];

const LINES = `SELECT sl.statement_id, c.id, c.household_id, c.kind, c.description, c.amount_yen, c.tax_rate, c.seller_id,
  c.order_id, c.occurred_at FROM statement_lines sl JOIN charges c ON c.id = sl.charge_id`;

function toCharge(r: LineRow): LedgerCharge {
  return {
    id: r[1],
    householdId: r[2],
    kind: r[3],
    description: r[4],
    amountYen: r[5],
    taxRate: r[6],
    sellerId: r[7],
    orderId: r[8],
    occurredAt: new Date(r[9]),
  };
}

// The stored statement keeps its issuer, recipient and date; its lines are the ledger rows it billed,
// recomposed the same way the close composed them, so the view always matches what was billed.
function build(head: Head, charges: LedgerCharge[]): Statement & { id: number } {
  return {
    id: head.id,
    ...composeStatement({
      month: head.month,
      issuedOn: head.issuedOn,
      issuer: { name: head.issuerName, registrationNumber: head.issuerRegNo },
      recipient: {
        householdId: head.householdId,
        name: head.recipientName,
        cableCustomerNo: head.cableCustomerNo,
      },
      charges,
    }),
  };
}

export function loadStatement(sqlite: Sqlite, id: number): Statement & { id: number } {
  const head = sqlite.prepare<[number], Head>(`${HEAD} WHERE id = ?`).get(id);
  if (!head) throw notFound('Statement');
  const rows = sqlite
    .prepare<[number], LineRow>(`${LINES} WHERE sl.statement_id = ? ORDER BY c.id`)
    .raw()
    .all(id);
  return build(head, rows.map(toCharge));
}

/** Every statement of a month in household order, read a page at a time to keep memory flat. */
export function* statementsOfMonth(
  sqlite: Sqlite,
  month: string,
  pageSize = 2000,
): Generator<Statement & { id: number }> {
  const heads = sqlite.prepare<[string, number, number], Head>(
    `${HEAD} WHERE month = ? AND id > ? ORDER BY id LIMIT ?`,
  );
  const lines = sqlite.prepare<[number, number], LineRow>(
    `${LINES} WHERE sl.statement_id BETWEEN ? AND ? ORDER BY sl.statement_id, c.id`,
  );
  lines.raw();
  let after = 0;
  for (;;) {
    const page = heads.all(month, after, pageSize);
    if (!page.length) return;
    const first = page[0]!.id;
    const last = page.at(-1)!.id;
    const byStatement = new Map<number, LedgerCharge[]>();
    for (const r of lines.all(first, last)) {
      const list = byStatement.get(r[0]);
      if (list) list.push(toCharge(r));
      else byStatement.set(r[0], [toCharge(r)]);
    }
    for (const h of page) yield build(h, byStatement.get(h.id) ?? []);
    after = last;
  }
}
