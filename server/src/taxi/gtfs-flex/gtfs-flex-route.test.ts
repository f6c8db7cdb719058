import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { households, places } from '../../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../../test/helpers/context';
import { feedViolations, readFeed } from '../../../../test/helpers/gtfs-flex-rules';
import { defaultTaxiSettings, saveTaxiSettings } from '../taxi-settings';
import { ringContains } from './zone-polygon';

let ctx: TestContext;
afterEach(() => ctx.close());

async function fetchFeed() {
  const res = await ctx.request('/api/taxi/gtfs-flex.zip');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('GET /api/taxi/gtfs-flex.zip', () => {
  it('serves the demo service without login, every file at the root, passing every rule', async () => {
    ctx = await createTestContext({ now: '2026-11-23T00:00:00Z' });
    const files = await fetchFeed();
    expect(Object.keys(files).sort()).toEqual([
      'agency.txt',
      'booking_rules.txt',
      'calendar.txt',
      'calendar_dates.txt',
      'fare_leg_rules.txt',
      'fare_media.txt',
      'fare_products.txt',
      'feed_info.txt',
      'location_group_stops.txt',
      'location_groups.txt',
      'locations.geojson',
      'rider_categories.txt',
      'routes.txt',
      'stop_times.txt',
      'stops.txt',
      'trips.txt',
    ]);
    expect(feedViolations(files)).toEqual([]);
    const feed = readFeed(files);
    expect(feed.table('feed_info.txt')[0]).toMatchObject({
      feed_start_date: '20261123',
      feed_end_date: '20271122',
    });
    expect(feed.table('agency.txt')[0]).toMatchObject({
      agency_name: '伊那市',
      agency_phone: '0265-78-4111',
    });
  });

  it('draws each zone around every registered household and lists every place as a destination', async () => {
    ctx = await createTestContext();
    const feed = readFeed(await fetchFeed());
    const ring = feed.geojson().features[0]!.geometry!.coordinates[0]!;
    const homes = await ctx.db.select().from(households).all();
    expect(homes.length).toBeGreaterThan(0);
    for (const h of homes) expect(ringContains(ring, { lat: h.lat, lng: h.lon }), h.address).toBe(true);
    // The zone is drawn from hamlets and halls: no household's position is written into the feed.
    for (const h of homes) expect(JSON.stringify(ring)).not.toContain(String(h.lon));
    expect(feed.table('stops.txt')).toHaveLength((await ctx.db.select().from(places).all()).length);
  });

  it("follows the city's settings: an area's own hours, the notice and the fares", async () => {
    ctx = await createTestContext();
    await saveTaxiSettings(
      ctx.db,
      {
        ...defaultTaxiSettings,
        areaHours: {
          '1': { weekdays: [1, 2, 3, 4, 5, 6], start: '08:30', end: '16:00', closedOnHolidays: false },
        },
        minNoticeMinutes: 60,
        fares: { ...defaultTaxiSettings.fares, channelDiscount: { tv: 100, call_centre: 0 } },
      },
      ctx.clock.now(),
    );
    const files = await fetchFeed();
    expect(feedViolations(files)).toEqual([]);
    const feed = readFeed(files);
    expect(feed.table('stop_times.txt')[0]).toMatchObject({
      start_pickup_drop_off_window: '08:30:00',
      end_pickup_drop_off_window: '16:00:00',
    });
    expect(feed.table('calendar.txt')[0]).toMatchObject({ saturday: '1', sunday: '0' });
    expect(files['calendar_dates.txt']).toBeUndefined();
    expect(feed.table('booking_rules.txt')[0]!.prior_notice_duration_min).toBe('60');
    expect(
      feed
        .table('fare_products.txt')
        .find((p) => p.rider_category_id === 'standard' && p.fare_media_id === 'tv')!.amount,
    ).toBe('400');
  });

  it('answers 304 to a planner that already has this feed, and a new feed once the service changed', async () => {
    ctx = await createTestContext();
    const first = await ctx.request('/api/taxi/gtfs-flex.zip');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
    ctx.clock.advance(60 * 60_000);
    const again = await ctx.request('/api/taxi/gtfs-flex.zip', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    await saveTaxiSettings(ctx.db, { ...defaultTaxiSettings, minNoticeMinutes: 45 }, ctx.clock.now());
    const changed = await ctx.request('/api/taxi/gtfs-flex.zip', { headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('is in the OpenAPI document as a public zip download', async () => {
    ctx = await createTestContext({ seed: false });
    const doc = ctx.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '0' } });
    const op = doc.paths?.['/api/taxi/gtfs-flex.zip']?.get;
    expect(op?.security).toBeUndefined();
    expect(Object.keys((op?.responses?.['200'] as { content: object }).content)).toEqual(['application/zip']);
  });
});
