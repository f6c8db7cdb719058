import type { Sqlite } from '../../../db/src';
import { claimSlot, finishSlot } from '../jobs/scheduler';
import type { Db } from '../../../db/src';
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
  deps: { db: Db; sqlite: Sqlite },
  now: Date,
  settings: BillingSettings,
): Promise<CloseResult[]> {
  const { db, sqlite } = deps;
  const results: CloseResult[] = [];
  for (const month of monthsDue(sqlite, now)) {
    // The slot is claimed in the close's last transaction: a failed close leaves it free for the next run.
    const r = await closeMonth(sqlite, month, now, settings, {
      onCommit: async (res) => {
        await claimSlot(db, CLOSE_JOB, month, now);
        await finishSlot(db, CLOSE_JOB, month, now, {
          statements: res.statementCount,
          total: res.statementsTotal,
        });
      },
    });
    results.push(r);
  }
  return results;
}
