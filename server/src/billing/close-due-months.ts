import { withSqlite, type Db } from '../../../db/src';
import { claimSlot, finishSlot } from '../jobs/scheduler';
import type { BillingSettings } from './billing-settings';
import { closeMonth, type CloseResult } from './close-month';
import { monthsDue } from './close-order';

export const CLOSE_JOB = 'billing.close';

/**
 * Closes every month that has ended and is not closed yet, oldest first, from the month after the
 * last close; never before the service start nor more than a year back (see close-order.ts), so
 * neither a fresh install nor a stray old close bills months nobody used.
 */
export async function closeDueMonths(
  deps: { db: Db },
  now: Date,
  settings: BillingSettings,
): Promise<CloseResult[]> {
  const { db } = deps;
  const results: CloseResult[] = [];
  for (const month of await withSqlite(db, (sqlite) => monthsDue(sqlite, now))) {
    // The slot is claimed in the close's last transaction: a failed close leaves it free for the next run.
    const r = await closeMonth(db, month, now, settings, {
      onCommit: async (res, tx) => {
        await claimSlot(tx, CLOSE_JOB, month, now);
        await finishSlot(tx, CLOSE_JOB, month, now, {
          statements: res.statementCount,
          total: res.statementsTotal,
        });
      },
    });
    results.push(r);
  }
  return results;
}
