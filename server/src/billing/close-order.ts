import type { Sqlite } from '../../../db/src';
import { conflict } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';
import {
  addMonths,
  billingMonthOf,
  monthsToClose,
  parseBillingMonth,
  type BillingMonth,
} from './billing-month';

/**
 * How far back any close may reach from the current month. A fresh install, a long outage or a
 * stray old close must never bill years of membership at once: older months need a person and a
 * migration, not a button.
 */
export const MAX_LOOK_BACK_MONTHS = 12;

/**
 * The first month the service bills: the month of the oldest charge for something a household
 * used (goods, rides, corrections, carry-overs). Membership rows are left out on purpose: the close
 * writes them itself, so counting them would let a close move the start back. With no usage at
 * all the service starts with the last month that has ended.
 */
export function serviceStartMonth(sqlite: Sqlite, now: Date): BillingMonth {
  const previous = addMonths(billingMonthOf(now), -1);
  const oldestUse = sqlite
    .prepare<[], string | null>("SELECT min(month) FROM charges WHERE kind <> 'membership'")
    .pluck()
    .get();
  return oldestUse && oldestUse < previous ? oldestUse : previous;
}

/**
 * The one month that may be closed next: the month after the last close, never before the
 * service start and never more than MAX_LOOK_BACK_MONTHS back, whatever billing_closes holds (a
 * close recorded before the start, e.g. a typo for a year, is ignored rather than continued from).
 */
export function nextMonthToClose(sqlite: Sqlite, now: Date): BillingMonth {
  const start = serviceStartMonth(sqlite, now);
  const floor = addMonths(billingMonthOf(now), -MAX_LOOK_BACK_MONTHS);
  const last = sqlite
    .prepare<[string], string | null>('SELECT max(month) FROM billing_closes WHERE month >= ?')
    .pluck()
    .get(start);
  return [last ? addMonths(last, 1) : start, start, floor].sort().at(-1)!;
}

/** Every month the catch-up job should close now, oldest first (empty when all are closed). */
export function monthsDue(sqlite: Sqlite, now: Date): BillingMonth[] {
  return monthsToClose(undefined, nextMonthToClose(sqlite, now), now);
}

const ja = (month: BillingMonth) => {
  const { year, month: m } = parseBillingMonth(month);
  return `${year}年${m}月`;
};

/**
 * Refuses a close that would bill a month out of order: one that has not ended in Tokyo, one
 * before the service start or the look-back limit, or one that would leave a gap behind it.
 * Closing an already closed month is not refused here: the caller returns the recorded result.
 */
export function assertCloseable(sqlite: Sqlite, month: BillingMonth, now: Date): void {
  parseBillingMonth(month);
  if (month >= billingMonthOf(now)) {
    throw conflict(
      'month_not_over',
      `${ja(month)}はまだ終わっていないため締められません（${month} has not ended yet in Tokyo, now ${tokyoDate(now)}）`,
    );
  }
  const next = nextMonthToClose(sqlite, now);
  if (month < next) {
    throw conflict(
      'month_before_service',
      `${ja(month)}は締められません。次に締める月は${ja(next)}です（サービス開始前、または${MAX_LOOK_BACK_MONTHS}か月より前の月です）`,
    );
  }
  if (month > next) {
    throw conflict(
      'month_out_of_order',
      `${ja(month)}より前に${ja(next)}を締めてください（月の締めは順番に、間をあけずに行います）`,
    );
  }
}
