import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, timestamp } from './columns';
import { households, residents, staffUsers } from './core';
import { sellers } from './shop';

/**
 * The ledger every feature writes to. One row per chargeable thing, tax-inclusive yen with its
 * rate; sourceKey (e.g. 'order-line:42', 'ride:7:resident:3', 'membership:12:2026-11') makes
 * writing a charge idempotent.
 */
export const charges = pgTable(
  'charges',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    residentId: integer().references(() => residents.id),
    kind: text({ enum: ['membership', 'goods', 'ride', 'adjustment', 'carry_over'] }).notNull(),
    sourceKey: text().notNull(),
    description: text().notNull(),
    amountYen: integer().notNull(),
    taxRate: integer().notNull(),
    sellerId: integer().references(() => sellers.id),
    orderId: integer(),
    occurredAt: timestamp().notNull(),
    /** Billing month in Tokyo, 'YYYY-MM'. */
    month: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('charges_source_uq').on(t.sourceKey),
    index('charges_month_household_idx').on(t.month, t.householdId),
    // The dashboard reads today's charges live (the days before come from its summary).
    index('charges_occurred_idx').on(t.occurredAt),
    // Covers every column the monthly close reads, so closing 2M charges walks one index in order
    // instead of jumping around the table.
    // Column order matches the close's GROUP BY (household, kind, rate, seller), so the engine can
    // group while it walks instead of sorting.
    index('charges_close_idx').on(
      t.month,
      t.householdId,
      t.kind,
      t.taxRate,
      t.sellerId,
      t.orderId,
      t.amountYen,
    ),
  ],
);

/**
 * A household's bank account for 口座振替 and the state of its mandate (口座振替依頼書). Names are
 * stored already normalised to the half-width kana the Zengin file carries.
 */
export const bankAccounts = pgTable('bank_accounts', {
  id: id(),
  householdId: integer()
    .notNull()
    .unique()
    .references(() => households.id),
  bankCode: text().notNull(),
  bankName: text().notNull(),
  branchCode: text().notNull(),
  branchName: text().notNull(),
  /** 1 普通, 2 当座, 3 納税準備, 9 その他 */
  accountType: integer().notNull(),
  accountNumber: text().notNull(),
  holderKana: text().notNull(),
  /** active: debit it; pending: form sent to the bank; stopped: a result code 2/3/4 needs a new form. */
  mandateStatus: text({ enum: ['active', 'pending', 'stopped'] }).notNull(),
  mandateSince: text().notNull(),
  /** 新規コード for the next debit: 1 first debit, 2 details changed, 0 otherwise. */
  nextNewCode: integer().notNull().default(1),
  stoppedReason: text(),
  updatedAt: timestamp().notNull(),
});

/** One household's statement (適格請求書) for a month; unique per (household, month) so a close runs once. */
export const statements = pgTable(
  'statements',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    month: text().notNull(),
    issuedOn: text().notNull(),
    issuerName: text().notNull(),
    issuerRegNo: text().notNull(),
    recipientName: text().notNull(),
    cableCustomerNo: text().notNull(),
    total8: integer().notNull(),
    tax8: integer().notNull(),
    total10: integer().notNull(),
    tax10: integer().notNull(),
    chargesTotal: integer().notNull(),
    carriedOver: integer().notNull(),
    amountDue: integer().notNull(),
    lineCount: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('statements_household_month_uq').on(t.householdId, t.month),
    index('statements_month_idx').on(t.month),
  ],
);

/**
 * Which charges a statement billed. Keyed by (statement, charge) so the close appends in key
 * order; a charge is billed once because it belongs to one month and a month closes once.
 * (SQLite keeps it WITHOUT ROWID; PostgreSQL has no such thing and keeps a heap plus the key.)
 */
export const statementLines = pgTable(
  'statement_lines',
  {
    statementId: integer()
      .notNull()
      .references(() => statements.id),
    // No foreign key: checking it would look up 2M charges at random during the close; the close
    // only writes ids it has just read from the ledger.
    chargeId: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.chargeId] })],
);

export const sellerSettlements = pgTable(
  'seller_settlements',
  {
    id: id(),
    sellerId: integer()
      .notNull()
      .references(() => sellers.id),
    month: text().notNull(),
    sales: integer().notNull(),
    sales8: integer().notNull(),
    sales10: integer().notNull(),
    orderCount: integer().notNull(),
    lineCount: integer().notNull(),
    commissionBp: integer().notNull(),
    commissionNet: integer().notNull(),
    commissionTax: integer().notNull(),
    payout: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('seller_settlements_seller_month_uq').on(t.sellerId, t.month)],
);

/** A closed month and the reconciliation the close printed. */
export const billingCloses = pgTable('billing_closes', {
  month: text().primaryKey(),
  closedAt: timestamp().notNull(),
  ledgerTotal: integer().notNull(),
  ledgerCount: integer().notNull(),
  statementsTotal: integer().notNull(),
  statementCount: integer().notNull(),
  goodsSales: integer().notNull(),
  payouts: integer().notNull(),
  commissions: integer().notNull(),
  report: jsonb().$type<string[]>().notNull(),
});

/** A request file sent to the bank for a month, and whether its result has come back. */
export const debitBatches = pgTable('debit_batches', {
  id: id(),
  month: text().notNull().unique(),
  debitDate: text().notNull(),
  recordCount: integer().notNull(),
  totalAmount: integer().notNull(),
  requestFile: bytea().notNull(),
  createdAt: createdAt(),
  importedAt: timestamp(),
  collectedCount: integer(),
  collectedAmount: integer(),
  failedCount: integer(),
  failedAmount: integer(),
});

/** One debit of one household in a batch and, once imported, its 振替結果コード. */
export const debitItems = pgTable(
  'debit_items',
  {
    id: id(),
    batchId: integer()
      .notNull()
      .references(() => debitBatches.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    statementId: integer()
      .notNull()
      .references(() => statements.id),
    customerNumber: text().notNull(),
    amount: integer().notNull(),
    newCode: integer().notNull(),
    status: text({ enum: ['requested', 'paid', 'failed'] }).notNull(),
    resultCode: integer(),
    resultAt: timestamp(),
    /** Staff mark a failure as handled (called, new form received). */
    followedUpAt: timestamp(),
  },
  (t) => [
    uniqueIndex('debit_items_batch_household_uq').on(t.batchId, t.householdId),
    index('debit_items_household_idx').on(t.householdId),
    index('debit_items_result_idx').on(t.resultAt),
  ],
);

/**
 * Money billed on a statement that the direct debit did not collect: the household had no
 * account, its mandate was pending or stopped, or the bank reported the debit failed. This is the
 * one follow-up list: each uncollected statement amount is one row, open until the next close
 * carries it onto the household's next statement (`carried`), or staff record it as paid another
 * way or write it off, naming themselves. So at any time every yen billed is either collected by
 * debit, on a later statement, or on this list.
 */
export const receivables = pgTable(
  'receivables',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    statementId: integer()
      .notNull()
      .references(() => statements.id),
    /** The statement's month. */
    month: text().notNull(),
    amountYen: integer().notNull(),
    cause: text({ enum: ['no_account', 'mandate_pending', 'mandate_stopped', 'debit_failed'] }).notNull(),
    debitItemId: integer().references(() => debitItems.id),
    /** 振替結果コード when the debit failed. */
    resultCode: integer(),
    state: text({ enum: ['open', 'carried', 'paid', 'written_off'] }).notNull(),
    /** The month whose statement took the amount over (state carried). */
    carriedIntoMonth: text(),
    /** How it was paid (state paid), e.g. 窓口で現金. */
    paidMethod: text(),
    /** The Tokyo date it was paid (state paid). */
    paidOn: text(),
    /** Why it was written off (state written_off). */
    writeOffReason: text(),
    /** The staff member who recorded the payment or the write-off. */
    resolvedBy: integer().references(() => staffUsers.id),
    resolvedAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [
    // One uncollected amount per statement: the debit either was not attempted or failed, never both.
    uniqueIndex('receivables_statement_uq').on(t.statementId),
    index('receivables_state_household_idx').on(t.state, t.householdId),
  ],
);
