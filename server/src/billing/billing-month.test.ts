import { describe, expect, it } from 'vitest';
import { tokyoDate } from '../lib/tokyo';
import {
  addMonths,
  billingMonthOf,
  billingMonthRange,
  debitDateFor,
  isBankBusinessDay,
  monthsToClose,
} from './billing-month';

describe('billing months in Asia/Tokyo with a UTC machine clock', () => {
  it('an instant late on the last UTC day of a month already belongs to the next Tokyo month', () => {
    // 2026-01-31 15:00 UTC is 2026-02-01 00:00 in Tokyo.
    expect(billingMonthOf(new Date('2026-01-31T14:59:59.999Z'))).toBe('2026-01');
    expect(billingMonthOf(new Date('2026-01-31T15:00:00.000Z'))).toBe('2026-02');
    expect(tokyoDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('month ranges are Tokyo midnights expressed in UTC', () => {
    const { start, end } = billingMonthRange('2026-12');
    expect(start.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(billingMonthRange('2028-02').end.toISOString()).toBe('2028-02-29T15:00:00.000Z');
  });

  it('adds months across years and refuses malformed months', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });

  it('catches up every ended month after the last closed one, but never the current month', () => {
    const now = new Date('2026-03-31T15:30:00Z'); // 2026-04-01 00:30 Tokyo
    expect(monthsToClose('2025-12', '2025-01', now)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsToClose('2026-03', '2025-01', now)).toEqual([]);
    expect(monthsToClose(undefined, '2026-02', now)).toEqual(['2026-02', '2026-03']);
    // 1 April 00:30 UTC is still 1 April in Tokyo; at 31 March 14:00 UTC March is not over in Tokyo.
    expect(monthsToClose('2026-02', '2025-01', new Date('2026-03-31T14:00:00Z'))).toEqual([]);
  });

  it('the debit date moves past weekends, holidays and the banks’ New Year closure', () => {
    expect(isBankBusinessDay('2026-11-27')).toBe(true);
    expect(isBankBusinessDay('2026-11-23')).toBe(false); // 勤労感謝の日
    // 27 Dec 2026 is a Sunday → Monday 28th.
    expect(debitDateFor('2026-11', 27)).toBe('2026-12-28');
    // 3 Jan 2027 (Sunday, bank closure) → 4 Jan.
    expect(debitDateFor('2026-12', 3)).toBe('2027-01-04');
    // 31st in a 28-day month is the last day, Saturday 28 Feb 2026 → Monday 2 March.
    expect(debitDateFor('2026-01', 31)).toBe('2026-03-02');
  });
});
