import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns';
import { households, residents } from './core';
import { sellers } from './shop';

/**
 * The ledger every feature writes to. One row per chargeable thing, tax-inclusive yen with its
 * rate; sourceKey (e.g. 'order-line:42', 'ride:7:resident:3', 'membership:12:2026-11') makes
 * writing a charge idempotent.
 */
export const charges = sqliteTable(
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
  ],
);
