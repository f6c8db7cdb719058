import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeDates, feedViolations, readFeed, RULES } from '../../../../test/helpers/gtfs-flex-rules';
import { addDays } from '../../lib/tokyo';
import { computeFare } from '../compute-fare';
import { isServiceDay } from '../service-day';
import { defaultTaxiSettings } from '../taxi-settings';
import { buildFeedFiles, closedServiceDays, type FlexFeedInput } from './build-feed';
import { ringContains } from './zone-polygon';

/** The demo service: one area of Ina's 長谷 valley, weekdays 09:00–15:00, holidays closed. */
const DEMO: FlexFeedInput = {
  agency: { name: '伊那市', url: 'https://www.inacity.jp/', phone: '0265-78-4111' },
  serviceName: 'ぐるっとタクシー',
  areas: [
    {
      id: 1,
      name: '長谷・高遠地区',
      hours: defaultTaxiSettings.hours,
      anchors: [
        { lat: 35.7601, lng: 138.0805 },
        { lat: 35.7608, lng: 138.0798 },
        { lat: 35.8207, lng: 138.0712 },
        { lat: 35.7372, lng: 138.0871 },
      ],
      radiusM: 1200,
    },
  ],
  destinations: [
    { id: 1, name: '伊那中央病院', lat: 35.8455, lng: 137.9673 },
    { id: 3, name: '長谷診療所', lat: 35.7958, lng: 138.0547 },
  ],
  minNoticeMinutes: 30,
  fares: defaultTaxiSettings.fares,
  startDate: '2026-11-20',
  endDate: '2027-11-19',
  version: '20261120',
};

/** Two areas with their own hours (one also on Saturdays and open on holidays), a TV discount. */
const TWO_AREAS: FlexFeedInput = {
  ...DEMO,
  areas: [
    DEMO.areas[0]!,
    {
      id: 2,
      name: '西春近地区',
      hours: { weekdays: [1, 3, 5, 6], start: '08:30', end: '16:45', closedOnHolidays: false },
      anchors: [{ lat: 35.815, lng: 137.941 }],
      radiusM: 1500,
    },
  ],
  fares: { ...DEMO.fares, channelDiscount: { tv: 200, call_centre: 0 } },
};

const NO_DESTINATIONS: FlexFeedInput = { ...DEMO, destinations: [] };

const gtfsDate = (d: string) => d.replaceAll('-', '');

describe.each([
  ['the demo service', DEMO],
  ['two areas with their own hours and a TV discount', TWO_AREAS],
  ['zones only, no common destinations', NO_DESTINATIONS],
])('GTFS and Flex rules hold for %s', (_, input) => {
  const files = buildFeedFiles(input);
  it.each(RULES.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    expect(rule.check(readFeed(files)), rule.cite).toEqual([]);
  });
});

describe('every rule holds for any service a city may configure (property)', () => {
  const hhmm = fc
    .integer({ min: 0, max: 23 * 60 + 45 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const hours = fc
    .record({
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      a: hhmm,
      b: hhmm,
      closedOnHolidays: fc.boolean(),
    })
    .filter(({ a, b }) => a !== b)
    .map(({ a, b, ...h }) => ({ ...h, start: a < b ? a : b, end: a < b ? b : a }));
  const point = fc.record({
    lat: fc.double({ min: 35.5, max: 36.1, noNaN: true }),
    lng: fc.double({ min: 137.7, max: 138.3, noNaN: true }),
  });
  const input = fc.record({
    areas: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 99 }),
        hours,
        anchors: fc.array(point, { minLength: 1, maxLength: 12 }),
        radiusM: fc.integer({ min: 100, max: 5000 }),
      }),
      { minLength: 1, maxLength: 4, selector: (a) => a.id },
    ),
    destinations: fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 999 }), p: point }), {
      maxLength: 6,
      selector: (d) => d.id,
    }),
    minNoticeMinutes: fc.integer({ min: 0, max: 240 }),
    standard: fc.integer({ min: 0, max: 2000 }),
    tv: fc.integer({ min: 0, max: 100 }),
  });

  it('finds no violation', () => {
    fc.assert(
      fc.property(input, (x) => {
        const files = buildFeedFiles({
          ...DEMO,
          areas: x.areas.map((a) => ({ ...a, name: `地区${a.id}` })),
          destinations: x.destinations.map((d) => ({ id: d.id, name: `行き先${d.id}`, ...d.p })),
          minNoticeMinutes: x.minNoticeMinutes,
          fares: { ...DEMO.fares, standard: x.standard, channelDiscount: { tv: x.tv, call_centre: 0 } },
        });
        expect(feedViolations(files)).toEqual([]);
      }),
      { numRuns: 60, seed: 18 },
    );
  });
});

describe('the rule checks catch a broken feed (so a passing check means something)', () => {
  const files = buildFeedFiles(DEMO);
  const broken = (name: string, edit: (text: string) => string) =>
    feedViolations({ ...files, [name]: edit(files[name]!) });

  it('a zone offering pickup twice at the same time is refused (zone overlap constraint)', () => {
    const v = broken('stop_times.txt', (t) =>
      t.replace('taxi-1,3,zone-1,,09:00:00,15:00:00,1,2', 'taxi-1,3,zone-1,,09:00:00,15:00:00,2,2'),
    );
    expect(v.some((x) => x.includes('overlap in zone-1'))).toBe(true);
  });

  it('a window in H:MM, a regular pickup in a zone, a missing booking rule are refused', () => {
    expect(
      broken('stop_times.txt', (t) => t.replace('09:00:00,15:00:00,2,1', '9:00,15:00:00,2,1')).join(),
    ).toContain('not HH:MM:SS');
    expect(
      broken('stop_times.txt', (t) => t.replace('09:00:00,15:00:00,2,1', '09:00:00,15:00:00,0,1')).join(),
    ).toContain('pickup_type 0');
    expect(broken('stop_times.txt', (t) => t.replace('2,1,same-day,', '2,1,,')).join()).toContain(
      'pickup rule',
    );
  });

  it('a clockwise or open ring is refused (RFC 7946 §3.1.6)', () => {
    const g = JSON.parse(files['locations.geojson']!);
    const ring = g.features[0].geometry.coordinates[0];
    g.features[0].geometry.coordinates[0] = [...ring].reverse();
    expect(feedViolations({ ...files, 'locations.geojson': JSON.stringify(g) }).join()).toContain(
      'not counter-clockwise',
    );
    g.features[0].geometry.coordinates[0] = ring.slice(0, -1);
    expect(feedViolations({ ...files, 'locations.geojson': JSON.stringify(g) }).join()).toContain(
      'not closed',
    );
  });

  it('prior_notice_last_time on a same-day rule, a dangling id, a duplicate key are refused', () => {
    const rules = broken('booking_rules.txt', (t) =>
      t
        .replace('prior_notice_duration_min,', 'prior_notice_duration_min,prior_notice_last_time,')
        .replace('same-day,1,30,', 'same-day,1,30,17:00:00,'),
    );
    expect(rules.join()).toContain('prior_notice_last_time forbidden');
    expect(broken('trips.txt', (t) => t.replace('taxi-1,area-1', 'taxi-1,area-9')).join()).toContain(
      'area-9 not in calendar.txt',
    );
    expect(broken('calendar_dates.txt', (t) => `${t}area-1,20270101,2\n`).join()).toContain('duplicate key');
  });
});

describe('what the feed says about the service', () => {
  it('each area is a zone served 09:00:00–15:00:00, pickup then destinations then drop-off', () => {
    const feed = readFeed(buildFeedFiles(TWO_AREAS));
    const st = feed.table('stop_times.txt');
    expect(
      st
        .filter((r) => r.trip_id === 'taxi-1')
        .map((r) => [r.location_id || r.location_group_id, r.pickup_type, r.drop_off_type]),
    ).toEqual([
      ['zone-1', '2', '1'],
      ['destinations', '2', '2'],
      ['zone-1', '1', '2'],
    ]);
    expect(
      new Set(
        st
          .filter((r) => r.trip_id === 'taxi-1')
          .map((r) => `${r.start_pickup_drop_off_window}-${r.end_pickup_drop_off_window}`),
      ),
    ).toEqual(new Set(['09:00:00-15:00:00']));
    expect(
      new Set(
        st
          .filter((r) => r.trip_id === 'taxi-2')
          .map((r) => `${r.start_pickup_drop_off_window}-${r.end_pickup_drop_off_window}`),
      ),
    ).toEqual(new Set(['08:30:00-16:45:00']));
  });

  it('the calendar runs on exactly the days the booking screen calls service days, holidays removed', () => {
    for (const input of [DEMO, TWO_AREAS]) {
      const feed = readFeed(buildFeedFiles(input));
      for (const a of input.areas) {
        const expected: string[] = [];
        for (let d = input.startDate; d <= input.endDate; d = addDays(d, 1))
          if (isServiceDay(a.hours, d)) expected.push(gtfsDate(d));
        expect(activeDates(feed, `area-${a.id}`)).toEqual(expected);
      }
    }
    // 勤労感謝の日 (Mon 23 Nov 2026) and 元日 (Fri 1 Jan 2027) are weekdays the demo area closes on.
    expect(closedServiceDays(DEMO.areas[0]!.hours, '2026-11-20', '2027-01-04')).toEqual([
      '2026-11-23',
      '2027-01-01',
    ]);
    expect(closedServiceDays(TWO_AREAS.areas[1]!.hours, '2026-11-20', '2027-01-04')).toEqual([]);
  });

  it('booking is same-day with the minimum notice, by phone or TV, in Japanese', () => {
    const [rule] = readFeed(buildFeedFiles({ ...DEMO, minNoticeMinutes: 45 })).table('booking_rules.txt');
    expect(rule).toMatchObject({
      booking_type: '1',
      prior_notice_duration_min: '45',
      phone_number: '0265-78-4111',
    });
    for (const k of ['message', 'pickup_message', 'drop_off_message'] as const) {
      expect(rule![k]).toContain('テレビのリモコン');
      expect(rule![k]).toContain('お電話（0265-78-4111）');
      expect(rule![k]).toContain('45分前まで');
    }
  });

  it('fares are computeFare per rider category and booking channel; companions ride free', () => {
    const products = readFeed(buildFeedFiles(TWO_AREAS)).table('fare_products.txt');
    const amount = (cat: string, media: string) =>
      Number(products.find((p) => p.rider_category_id === cat && p.fare_media_id === media)!.amount);
    const f = TWO_AREAS.fares;
    expect(amount('standard', 'tv')).toBe(computeFare(f, { licenceReturned: false, disabled: false }, 'tv'));
    expect(amount('standard', 'tv')).toBe(300);
    expect(amount('standard', 'call_centre')).toBe(500);
    expect(amount('licence_returned', 'tv')).toBe(50);
    expect(amount('disabled', 'call_centre')).toBe(250);
    expect(amount('companion', 'tv')).toBe(0);
    expect(products).toHaveLength(8);
  });

  it('feed_version names the date and changes exactly when the described service changes', () => {
    const version = (input: FlexFeedInput) =>
      readFeed(buildFeedFiles(input)).table('feed_info.txt')[0]!.feed_version;
    expect(version(DEMO)).toMatch(/^20261120-[0-9a-f]{8}$/);
    expect(version({ ...DEMO })).toBe(version(DEMO));
    expect(version({ ...DEMO, minNoticeMinutes: 45 })).not.toBe(version(DEMO));
    expect(version(TWO_AREAS)).not.toBe(version(DEMO));
  });

  it('each zone holds its anchors, and destinations are stops of the one location group', () => {
    const feed = readFeed(buildFeedFiles(DEMO));
    const ring = feed.geojson().features[0]!.geometry!.coordinates[0]!;
    for (const a of DEMO.areas[0]!.anchors) expect(ringContains(ring, a)).toBe(true);
    expect(feed.table('location_group_stops.txt').map((r) => r.stop_id)).toEqual(['place-1', 'place-3']);
    expect(feed.table('stops.txt')[0]).toMatchObject({
      stop_name: '伊那中央病院',
      stop_lat: '35.8455',
      stop_lon: '137.9673',
    });
  });
});
