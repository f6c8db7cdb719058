import type { RateTotal, TaxRate } from '../tax/tax-per-rate';

export type ChargeKind = 'membership' | 'goods' | 'ride' | 'adjustment' | 'carry_over';

/** A row of the `charges` ledger as the close reads it. */
export type LedgerCharge = {
  id: number;
  householdId: number;
  kind: ChargeKind;
  description: string;
  /** Tax-inclusive yen; carry-overs were taxed on the statement they first appeared on. */
  amountYen: number;
  /** 8 or 10; 0 for a carry-over. */
  taxRate: number;
  sellerId: number | null;
  orderId: number | null;
  occurredAt: Date;
};

export type Issuer = {
  name: string;
  /** 適格請求書発行事業者登録番号: T + 13 digits. */
  registrationNumber: string;
};

export type Recipient = {
  householdId: number;
  name: string;
  cableCustomerNo: string;
};

export type StatementLine = {
  chargeId: number;
  kind: ChargeKind;
  description: string;
  amountYen: number;
  taxRate: number;
  /** ※ mark on the invoice: reduced-rate (8 %) item. */
  reducedRate: boolean;
  /** Tokyo date of the charge. */
  date: string;
};

export type StatementGroup = {
  key: string;
  /** Resident-facing heading. */
  title: string;
  lines: StatementLine[];
  subtotal: number;
};

export type Statement = {
  householdId: number;
  month: string;
  issuedOn: string;
  issuer: Issuer;
  recipient: Recipient;
  groups: StatementGroup[];
  /** Totals and tax per rate over this month's taxable lines. */
  rates: RateTotal[];
  /** This month's charges (taxable lines, adjustments included). */
  chargesTotal: number;
  /** Unpaid amounts from earlier months, not taxed again. */
  carriedOver: number;
  /** What the household pays for this statement: chargesTotal + carriedOver. */
  amountDue: number;
};

export type { RateTotal, TaxRate };
