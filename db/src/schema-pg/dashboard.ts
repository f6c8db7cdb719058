import { doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamp } from './columns';

/**
 * The city dashboard's figures per Tokyo day, computed from the other tables by the dashboard's
 * summary job (server/src/dashboard/summary.ts) and recomputed for recent days, so it can always be
 * rebuilt. `scope` 0 is the whole city, otherwise a hamlet id: some figures (vehicle-hours,
 * pooling, loaded km) are not sums over hamlets. `value` is an additive part of a figure; `list`
 * holds the values a median needs (JSON array), for the one figure that is not a sum.
 */
export const dashboardDaily = pgTable(
  'dashboard_daily',
  {
    scope: integer().notNull(),
    day: text().notNull(),
    key: text().notNull(),
    value: doublePrecision().notNull(),
    list: text(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day, t.key] })],
);

/** One row: every day before `through` (exclusive) is in dashboard_daily, as of `computedAt`. */
export const dashboardSummaryState = pgTable('dashboard_summary_state', {
  id: integer().primaryKey(),
  through: text().notNull(),
  computedAt: timestamp().notNull(),
});
