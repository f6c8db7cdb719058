import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEligibility } from './check-eligibility';
import { computeFare } from './compute-fare';
import { bookableTimes, isServiceDay } from './service-day';
import { defaultTaxiSettings } from './taxi-settings';

const nobody = { licenceReturned: false, disabled: false, intractableDisease: false, unableToDrive: false };

describe('checkEligibility', () => {
  it('becomes eligible on the 65th birthday (Tokyo date), not the day before', () => {
    expect(checkEligibility({ ...nobody, birthDate: '1961-11-25' }, '2026-11-24').eligible).toBe(false);
    expect(checkEligibility({ ...nobody, birthDate: '1961-11-25' }, '2026-11-25').eligible).toBe(true);
  });

  it('accepts any registered condition at any age', () => {
    for (const flag of ['licenceReturned', 'disabled', 'intractableDisease', 'unableToDrive'] as const) {
      const r = checkEligibility({ ...nobody, [flag]: true, birthDate: '1990-01-01' }, '2026-11-24');
      expect(r).toEqual({ eligible: true, reasons: [flag] });
    }
  });
});

describe('computeFare', () => {
  const fares = defaultTaxiSettings.fares;
  it('is 500 yen, 250 for licence returnees and disabled riders', () => {
    expect(computeFare(fares, { licenceReturned: false, disabled: false }, 'tv')).toBe(500);
    expect(computeFare(fares, { licenceReturned: true, disabled: false }, 'tv')).toBe(250);
    expect(computeFare(fares, { licenceReturned: false, disabled: true }, 'call_centre')).toBe(250);
  });

  it('never goes below zero and never above the standard fare, whatever the configuration', () => {
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.nat(2000),
        fc.nat(2000),
        fc.nat(3000),
        fc.boolean(),
        fc.boolean(),
        (standard, lr, dis, tv, l, d) => {
          const f = { standard, licenceReturned: lr, disabled: dis, channelDiscount: { tv, call_centre: 0 } };
          const y = computeFare(f, { licenceReturned: l, disabled: d }, 'tv');
          return Number.isInteger(y) && y >= 0 && y <= standard;
        },
      ),
    );
  });
});

describe('service days and bookable times (Asia/Tokyo)', () => {
  const hours = defaultTaxiSettings.hours;
  it('runs on weekdays that are not national holidays', () => {
    expect(isServiceDay(hours, '2026-11-24')).toBe(true); // Tuesday
    expect(isServiceDay(hours, '2026-11-23')).toBe(false); // 勤労感謝の日
    expect(isServiceDay(hours, '2026-11-29')).toBe(false); // Sunday
  });

  it('offers 15-minute steps from now + notice to the end of service, in Tokyo time', () => {
    // 01:10 UTC = 10:10 in Tokyo; with 30 min notice the first step is 10:45
    const times = bookableTimes(hours, 30, new Date('2026-11-24T01:10:00Z'));
    expect(times[0]).toBe('10:45');
    expect(times.at(-1)).toBe('15:00');
    expect(times.every((t) => Number(t.slice(3)) % 15 === 0)).toBe(true);
    // 23:00 UTC on the 23rd is already Tuesday 08:00 in Tokyo
    expect(bookableTimes(hours, 30, new Date('2026-11-23T23:00:00Z'))[0]).toBe('09:00');
    // after 14:30 nothing is left
    expect(bookableTimes(hours, 30, new Date('2026-11-24T05:31:00Z'))).toEqual([]);
  });
});
