import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultDeliveryCalendarSettings as defaults } from './delivery-calendar-settings';
import { deliveryDayFor } from './delivery-day-for';
import { isDeliveryDay } from './is-delivery-day';

// Instants are written in UTC on purpose: the machine clock is UTC and Tokyo is UTC+9.
const utc = (iso: string) => new Date(`${iso}Z`);

describe('deliveryDayFor', () => {
  it('delivers today at 10:59:59 Tokyo on a weekday (01:59:59 UTC)', () => {
    // Tue 2026-11-24 10:59:59 JST
    expect(deliveryDayFor(utc('2026-11-24T01:59:59'), defaults)).toEqual({
      date: '2026-11-24',
      isToday: true,
    });
  });

  it('moves to the next weekday at exactly 11:00:00 Tokyo', () => {
    expect(deliveryDayFor(utc('2026-11-24T02:00:00'), defaults)).toEqual({
      date: '2026-11-25',
      isToday: false,
    });
  });

  it('uses the Tokyo date, not the UTC date, just after Tokyo midnight', () => {
    // 2026-11-24 15:30 UTC is already Wed 2026-11-25 00:30 in Tokyo.
    expect(deliveryDayFor(utc('2026-11-24T15:30:00'), defaults)).toEqual({
      date: '2026-11-25',
      isToday: true,
    });
  });

  it('sends a Friday order after the cut-off to Monday', () => {
    // Fri 2026-11-27 11:30 JST
    expect(deliveryDayFor(utc('2026-11-27T02:30:00'), defaults)).toEqual({
      date: '2026-11-30',
      isToday: false,
    });
  });

  it('treats a weekend morning as before nothing: the next weekday', () => {
    // Sat 2026-11-28 09:00 JST
    expect(deliveryDayFor(utc('2026-11-28T00:00:00'), defaults).date).toBe('2026-11-30');
  });

  it('skips a public holiday (勤労感謝の日, Mon 2026-11-23)', () => {
    // Mon 2026-11-23 09:00 JST, before the cut-off but a holiday
    expect(deliveryDayFor(utc('2026-11-23T00:00:00'), defaults)).toEqual({
      date: '2026-11-24',
      isToday: false,
    });
    // Fri 2026-11-20 after the cut-off: Sat, Sun, holiday Mon → Tue
    expect(deliveryDayFor(utc('2026-11-20T03:00:00'), defaults).date).toBe('2026-11-24');
  });

  it('skips substitute holidays and Golden Week runs', () => {
    // Thu 2026-04-30 after the cut-off; 5/1 Fri is a weekday, 5/4–5/6 are holidays (5/6 振替休日)
    expect(deliveryDayFor(utc('2026-04-30T03:00:00'), defaults).date).toBe('2026-05-01');
    expect(deliveryDayFor(utc('2026-05-01T03:00:00'), defaults).date).toBe('2026-05-07');
  });

  it('honours a configurable cut-off of 10:30', () => {
    const settings = { ...defaults, cutoff: '10:30' };
    expect(deliveryDayFor(utc('2026-11-24T01:29:59'), settings).isToday).toBe(true);
    expect(deliveryDayFor(utc('2026-11-24T01:30:00'), settings).isToday).toBe(false);
  });

  it('honours extra closed days (year-end) and extra open days', () => {
    const settings = {
      ...defaults,
      closedDates: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04'],
      openDates: ['2026-11-23'],
    };
    // Mon 2026-12-28 after the cut-off: 29–31 closed, 1/1 holiday, weekend, 1/4 closed → Tue 1/5
    expect(deliveryDayFor(utc('2026-12-28T03:00:00'), settings).date).toBe('2027-01-05');
    // the holiday 2026-11-23 is opened by the city
    expect(deliveryDayFor(utc('2026-11-23T00:00:00'), settings)).toEqual({
      date: '2026-11-23',
      isToday: true,
    });
  });

  it('lets a closed date win over an open date', () => {
    const settings = { ...defaults, closedDates: ['2026-11-24'], openDates: ['2026-11-24'] };
    expect(isDeliveryDay('2026-11-24', settings)).toBe(false);
  });

  it('can ignore public holidays when configured', () => {
    expect(isDeliveryDay('2026-11-23', { ...defaults, observePublicHolidays: false })).toBe(true);
  });

  it('always returns a delivery day that is today-or-later, and today only before the cut-off', () => {
    const start = Date.UTC(2025, 0, 1);
    const end = Date.UTC(2030, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (ms) => {
        const now = new Date(ms);
        const result = deliveryDayFor(now, defaults);
        const tokyo = new Date(ms + 9 * 3600_000);
        const tokyoDate = tokyo.toISOString().slice(0, 10);
        const beforeCutoff = tokyo.getUTCHours() < 11;
        expect(isDeliveryDay(result.date, defaults)).toBe(true);
        expect(result.date >= tokyoDate).toBe(true);
        expect(result.isToday).toBe(result.date === tokyoDate);
        if (result.isToday) expect(beforeCutoff).toBe(true);
      }),
    );
  });
});
