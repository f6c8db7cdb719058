import holidayJp from '@holiday-jp/holiday_jp';
import { fromTokyo, tokyoMonth } from '../lib/tokyo';

/** A billing month in the Tokyo calendar, "YYYY-MM". */
export type BillingMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseBillingMonth(month: string): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`"${month}" is not a month (YYYY-MM)`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

const format = (year: number, month: number): BillingMonth => `${year}-${String(month).padStart(2, '0')}`;

/** The Tokyo calendar month an instant falls in. */
export function billingMonthOf(instant: Date): BillingMonth {
  return tokyoMonth(instant);
}

export function addMonths(month: BillingMonth, delta: number): BillingMonth {
  const { year, month: m } = parseBillingMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** [start, end) as UTC instants: 00:00 Tokyo on the 1st to 00:00 Tokyo on the next 1st. */
export function billingMonthRange(month: BillingMonth): { start: Date; end: Date } {
  parseBillingMonth(month);
  return { start: fromTokyo(`${month}-01`), end: fromTokyo(`${addMonths(month, 1)}-01`) };
}

/**
 * Months that have ended and still need closing, oldest first: everything after `lastClosed` up to
 * the month before `now` (Tokyo). A close job that missed its slot catches up this way.
 */
export function monthsToClose(
  lastClosed: BillingMonth | undefined,
  firstOpen: BillingMonth,
  now: Date,
): BillingMonth[] {
  const current = billingMonthOf(now);
  const out: BillingMonth[] = [];
  for (let m = lastClosed ? addMonths(lastClosed, 1) : firstOpen; m < current; m = addMonths(m, 1))
    out.push(m);
  return out;
}

// Banks are closed on 12/31 and 1/1–1/3 besides weekends and national holidays.
const BANK_NEW_YEAR = new Set(['12-31', '01-01', '01-02', '01-03']);

export function isBankBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (BANK_NEW_YEAR.has(date.slice(5))) return false;
  return !holidayJp.isHoliday(date);
}

/**
 * 引落日 for a billing month: `day` of the following month, moved to the next bank business day
 * when it falls on a weekend or holiday (the usual 口座振替 rule).
 */
export function debitDateFor(month: BillingMonth, day: number): string {
  const next = parseBillingMonth(addMonths(month, 1));
  const last = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate();
  let d = new Date(Date.UTC(next.year, next.month - 1, Math.min(day, last)));
  while (!isBankBusinessDay(d.toISOString().slice(0, 10))) d = new Date(d.getTime() + 86_400_000);
  return d.toISOString().slice(0, 10);
}
