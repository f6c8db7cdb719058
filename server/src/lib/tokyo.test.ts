import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  formatJaDate,
  formatJaFullDate,
  fromTokyo,
  tokyoDate,
  tokyoMonth,
  tokyoParts,
  tokyoTime,
} from './tokyo';

describe('Tokyo time with a UTC machine clock', () => {
  it('puts 15:00 UTC on the next Tokyo day', () => {
    const at = new Date('2026-11-30T15:00:00Z');
    expect(tokyoDate(at)).toBe('2026-12-01');
    expect(tokyoMonth(at)).toBe('2026-12');
    expect(tokyoTime(at)).toBe('00:00');
    expect(tokyoParts(at).weekday).toBe(2);
  });

  it('reads Tokyo wall-clock times back to instants', () => {
    expect(fromTokyo('2026-11-23', '10:59:59').toISOString()).toBe('2026-11-23T01:59:59.000Z');
    expect(fromTokyo('2026-11-23', '11:00').toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(tokyoDate(fromTokyo('2027-01-01'))).toBe('2027-01-01');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('formats Japanese dates and computes ages', () => {
    expect(formatJaDate('2026-11-23')).toBe('11月23日(月)');
    expect(formatJaFullDate('2026-12-03')).toBe('2026年12月3日(木)');
    expect(ageOn('1961-11-24', '2026-11-23')).toBe(64);
    expect(ageOn('1961-11-23', '2026-11-23')).toBe(65);
  });
});
