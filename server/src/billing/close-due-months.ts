import type { Sqlite } from '../../../db/src';
import { claimSlot, finishSlot } from '../jobs/scheduler';
import type { Db } from '../../../db/src';
import { addMonths, billingMonthOf, monthsToClose } from './billing-month';
import type { BillingSettings } from './billing-settings';
import { closeMonth, type CloseResult } from './close-month';

export const CLOSE_JOB = 'billing.close';

/**
 * Closes every month that has ended and is not closed yet, oldest first. Before the first close
 * it starts at the oldest charged month, but looks back at most a year so a fresh install does not
 * bill years of membership at once.
 */
export function closeDueMonths(
  deps: { db: Db; sqlite: Sqlite },
  now: Date,
  settings: BillingSettings,
): CloseResult[] {
  const { db, sqlite } = deps;
  const last =
    sqlite.prepare<[], string | null>('SELECT max(month) FROM billing_closes').pluck().get() ?? undefined;
  const previous = addMonths(billingMonthOf(now), -1);
  const oldestCharge =
    sqlite.prepare<[], string | null>('SELECT min(month) FROM charges').pluck().get() ?? previous;
  const floor = addMonths(billingMonthOf(now), -12);
  const firstOpen = [oldestCharge, previous].sort()[0]! < floor ? floor : [oldestCharge, previous].sort()[0]!;
  const results: CloseResult[] = [];
  for (const month of monthsToClose(last, firstOpen, now)) {
    // The slot claim and the close commit together: a failed close leaves the slot free for the next run.
    const r = sqlite.transaction(() => {
      claimSlot(db, CLOSE_JOB, month, now);
      const res = closeMonth(sqlite, month, now, settings);
      finishSlot(db, CLOSE_JOB, month, now, { statements: res.statementCount, total: res.statementsTotal });
      return res;
    })();
    results.push(r);
  }
  return results;
}
