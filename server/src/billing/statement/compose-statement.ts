import { tokyoDate } from '../../lib/tokyo';
import { REDUCED_RATE, taxPerRate, type TaxRate } from '../tax/tax-per-rate';
import type { Issuer, LedgerCharge, Recipient, Statement, StatementGroup, StatementLine } from './types';

const REGISTRATION_NUMBER = /^T\d{13}$/;

export type ComposeStatementInput = {
  month: string;
  issuedOn: string;
  issuer: Issuer;
  recipient: Recipient;
  charges: readonly LedgerCharge[];
};

function toLine(c: LedgerCharge): StatementLine {
  return {
    chargeId: c.id,
    kind: c.kind,
    description: c.description,
    amountYen: c.amountYen,
    taxRate: c.taxRate,
    reducedRate: c.taxRate === REDUCED_RATE,
    date: tokyoDate(c.occurredAt),
  };
}

function group(key: string, title: string, lines: StatementLine[]): StatementGroup {
  return { key, title, lines, subtotal: lines.reduce((s, l) => s + l.amountYen, 0) };
}

export type StatementTotals = Pick<Statement, 'rates' | 'chargesTotal' | 'carriedOver' | 'amountDue'>;

/**
 * The money part of a statement: tax once per rate over the month's lines, carry-overs added to
 * the amount due untaxed. The close stores these without building the printable lines; the view
 * recomposes them through the same function, so both always agree.
 */
export function statementTotals(
  charges: Iterable<Pick<LedgerCharge, 'kind' | 'amountYen' | 'taxRate'>>,
): StatementTotals {
  const taxable: { amount: number; taxRate: TaxRate }[] = [];
  let carriedOver = 0;
  for (const c of charges) {
    if (c.kind === 'carry_over') carriedOver += c.amountYen;
    else taxable.push({ amount: c.amountYen, taxRate: c.taxRate as TaxRate });
  }
  const rates = taxPerRate(taxable);
  const chargesTotal = rates.reduce((s, r) => s + r.total, 0);
  return { rates, chargesTotal, carriedOver, amountDue: chargesTotal + carriedOver };
}

/**
 * One household's qualified invoice (適格請求書) for a month, composed from its ledger rows:
 * membership, goods grouped by order, rides, adjustments, then unpaid amounts carried over.
 * Tax is computed once per rate over the month's lines; carry-overs are not taxed again.
 */
export function composeStatement(input: ComposeStatementInput): Statement {
  if (!REGISTRATION_NUMBER.test(input.issuer.registrationNumber)) {
    throw new RangeError(
      `issuer registration number "${input.issuer.registrationNumber}" is not T + 13 digits`,
    );
  }
  const sorted = [...input.charges].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id,
  );
  const membership: StatementLine[] = [];
  const orders = new Map<number, StatementLine[]>();
  const rides: StatementLine[] = [];
  const adjustments: StatementLine[] = [];
  const carried: StatementLine[] = [];
  for (const c of sorted) {
    if (c.householdId !== input.recipient.householdId) {
      throw new RangeError(
        `charge ${c.id} belongs to household ${c.householdId}, not ${input.recipient.householdId}`,
      );
    }
    if (!Number.isSafeInteger(c.amountYen))
      throw new RangeError(`charge ${c.id}: ${c.amountYen} is not whole yen`);
    const line = toLine(c);
    switch (c.kind) {
      case 'membership':
        membership.push(line);
        break;
      case 'goods': {
        const key = c.orderId ?? 0;
        const list = orders.get(key) ?? [];
        list.push(line);
        orders.set(key, list);
        break;
      }
      case 'ride':
        rides.push(line);
        break;
      case 'adjustment':
        adjustments.push(line);
        break;
      case 'carry_over':
        carried.push(line);
        break;
    }
  }
  const groups: StatementGroup[] = [];
  if (membership.length) groups.push(group('membership', '月会費', membership));
  for (const [orderId, lines] of orders) {
    groups.push(group(`order:${orderId}`, orderId ? `お買い物（注文番号 ${orderId}）` : 'お買い物', lines));
  }
  if (rides.length) groups.push(group('rides', '乗合タクシー', rides));
  if (adjustments.length) groups.push(group('adjustments', '調整', adjustments));
  if (carried.length) groups.push(group('carry_over', '前月までの未収分', carried));

  const { rates, chargesTotal, carriedOver, amountDue } = statementTotals(sorted);
  return {
    householdId: input.recipient.householdId,
    month: input.month,
    issuedOn: input.issuedOn,
    issuer: input.issuer,
    recipient: input.recipient,
    groups,
    rates,
    chargesTotal,
    carriedOver,
    amountDue,
  };
}
