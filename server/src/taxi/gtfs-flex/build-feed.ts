/**
 * The shared taxi as a GTFS dataset with the Flex extension, from a plain description of the
 * service (no database): which journey planners (OpenTripPlanner 2, …) can then show and route.
 * Every file and field follows the GTFS Schedule reference, https://gtfs.org/documentation/schedule/reference/
 * (sections named in the comments); docs/gtfs-flex.md explains the modelling.
 */
import { createHash } from 'node:crypto';
import holidayJp from '@holiday-jp/holiday_jp';
import { toCsv } from '../../lib/csv';
import { computeFare, type BookingChannel } from '../compute-fare';
import { isServiceDay } from '../service-day';
import type { ServiceHours, TaxiSettings } from '../taxi-settings';
import type { LatLng } from '../solver/travel-table.js';
import { zoneRing, type Ring } from './zone-polygon';

export interface FlexArea {
  id: number;
  /** 「長谷・高遠地区」 */
  name: string;
  hours: ServiceHours;
  /** Public points the zone is drawn around: hamlet centres and community halls. */
  anchors: LatLng[];
  /** How far past the anchors the zone reaches (see `householdReachM`). */
  radiusM: number;
}

export interface FlexDestination {
  id: number;
  name: string;
  lat: number;
  lng: number;
}

export interface FlexFeedInput {
  agency: { name: string; url: string; phone: string };
  /** Service name shown to riders: 「ぐるっとタクシー」. */
  serviceName: string;
  areas: FlexArea[];
  /** The common destinations (hospital, shops, city hall, station …) every area's riders may book. */
  destinations: FlexDestination[];
  minNoticeMinutes: number;
  fares: TaxiSettings['fares'];
  /** Tokyo dates 'YYYY-MM-DD' the calendar covers (inclusive). */
  startDate: string;
  endDate: string;
  /** Start of feed_info.feed_version; a hash of the content follows it. */
  version: string;
}

/** File name → content; `locations.geojson` is JSON, the rest CSV. */
export type FeedFiles = Record<string, string>;

export const AGENCY_ID = 'engawa-taxi';
export const DESTINATIONS_GROUP_ID = 'destinations';
export const BOOKING_RULE_ID = 'same-day';
export const FARE_PRODUCT_ID = 'ride';

export const zoneId = (areaId: number) => `zone-${areaId}`;
export const routeId = (areaId: number) => `taxi-${areaId}`;
export const serviceId = (areaId: number) => `area-${areaId}`;
export const placeStopId = (placeId: number) => `place-${placeId}`;

/** 'YYYY-MM-DD' → GTFS Date 'YYYYMMDD' (Field Types: Date). */
const gtfsDate = (d: string) => d.replaceAll('-', '');
/** 'HH:MM' → GTFS Time 'HH:MM:SS' (Field Types: Time). */
const gtfsTime = (hhmm: string) => `${hhmm}:00`;

/**
 * RFC 4180 CSV with a header row, LF line ends, no BOM (File Requirements), through the product's
 * one CSV writer. GTFS files are often opened in spreadsheets too, so its formula guard (an
 * apostrophe before text starting with = + - @) stays on; no value this feed writes starts so.
 */
function csv(header: string[], rows: Record<string, string | number | undefined>[]): string {
  return toCsv(
    rows.map((r) => header.map((h) => r[h] ?? '')),
    { header },
  );
}

const WEEKDAY_FIELDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The booking sentence riders read (and screen readers speak): both ways to book, in plain words. */
export function bookingMessage(input: Pick<FlexFeedInput, 'serviceName' | 'agency' | 'minNoticeMinutes'>) {
  return (
    `${input.serviceName}は予約制です。テレビのリモコンか、お電話（${input.agency.phone}）でご予約ください。` +
    `乗る時刻の${input.minNoticeMinutes}分前まで、当日に予約できます。登録された方が利用できます。`
  );
}

/** The fare categories of `computeFare`, plus companions (付き添い), who ride free. */
const RIDER_CATEGORIES: {
  id: string;
  name: string;
  isDefault: 0 | 1;
  rider: { licenceReturned: boolean; disabled: boolean } | 'free';
}[] = [
  {
    id: 'standard',
    name: '一般（登録された65歳以上の方など）',
    isDefault: 1,
    rider: { licenceReturned: false, disabled: false },
  },
  {
    id: 'licence_returned',
    name: '運転免許を返納した方',
    isDefault: 0,
    rider: { licenceReturned: true, disabled: false },
  },
  { id: 'disabled', name: '障がいのある方', isDefault: 0, rider: { licenceReturned: false, disabled: true } },
  { id: 'companion', name: '付き添いの方', isDefault: 0, rider: 'free' },
];

/** Both booking channels are fare media of type 0 (no ticket: the fare goes on the cable bill). */
const FARE_MEDIA: { id: BookingChannel; name: string }[] = [
  { id: 'tv', name: 'テレビで予約（ケーブルテレビの料金と一緒にお支払い）' },
  { id: 'call_centre', name: '電話で予約（ケーブルテレビの料金と一緒にお支払い）' },
];

export function buildFeedFiles(input: FlexFeedInput): FeedFiles {
  const areas = input.areas.filter((a) => a.anchors.length > 0);
  const hasDestinations = input.destinations.length > 0;
  const files: FeedFiles = {};

  // agency.txt — one agency; agency_id given although optional, so routes can name it.
  files['agency.txt'] = csv(
    ['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang', 'agency_phone'],
    [
      {
        agency_id: AGENCY_ID,
        agency_name: input.agency.name,
        agency_url: input.agency.url,
        agency_timezone: 'Asia/Tokyo',
        agency_lang: 'ja',
        agency_phone: input.agency.phone,
      },
    ],
  );

  // routes.txt — one route per area; route_type 3 (bus) as the Flex examples use for demand-responsive service.
  files['routes.txt'] = csv(
    ['route_id', 'agency_id', 'route_long_name', 'route_desc', 'route_type'],
    areas.map((a) => ({
      route_id: routeId(a.id),
      agency_id: AGENCY_ID,
      route_long_name: `${input.serviceName}（${a.name}）`,
      route_desc: '予約制の乗合タクシー。ご自宅と病院・お店などの間を送迎します。',
      route_type: 3,
    })),
  );

  // trips.txt — one trip per area and service day pattern: its windows span the whole service day.
  files['trips.txt'] = csv(
    ['route_id', 'service_id', 'trip_id'],
    areas.map((a) => ({ route_id: routeId(a.id), service_id: serviceId(a.id), trip_id: routeId(a.id) })),
  );

  // stop_times.txt — zone (pickup only) → destinations (both) → zone (drop-off only): from home to a
  // destination, back, and within the area (two records of one zone). Pickup in one record and
  // drop-off in the other keeps the zone from overlapping itself in time and type, which
  // "On-demand Service Routing Behavior" forbids.
  files['stop_times.txt'] = csv(
    [
      'trip_id',
      'stop_sequence',
      'location_id',
      'location_group_id',
      'start_pickup_drop_off_window',
      'end_pickup_drop_off_window',
      'pickup_type',
      'drop_off_type',
      'pickup_booking_rule_id',
      'drop_off_booking_rule_id',
    ],
    areas.flatMap((a) => {
      const window = {
        trip_id: routeId(a.id),
        start_pickup_drop_off_window: gtfsTime(a.hours.start),
        end_pickup_drop_off_window: gtfsTime(a.hours.end),
      };
      const toAndFromDestinations = {
        ...window,
        stop_sequence: 2,
        location_group_id: DESTINATIONS_GROUP_ID,
        pickup_type: 2,
        drop_off_type: 2,
        pickup_booking_rule_id: BOOKING_RULE_ID,
        drop_off_booking_rule_id: BOOKING_RULE_ID,
      };
      return [
        {
          ...window,
          stop_sequence: 1,
          location_id: zoneId(a.id),
          pickup_type: 2,
          drop_off_type: 1,
          pickup_booking_rule_id: BOOKING_RULE_ID,
        },
        ...(hasDestinations ? [toAndFromDestinations] : []),
        {
          ...window,
          stop_sequence: 3,
          location_id: zoneId(a.id),
          pickup_type: 1,
          drop_off_type: 2,
          drop_off_booking_rule_id: BOOKING_RULE_ID,
        },
      ];
    }),
  );

  // stops.txt + location_groups.txt + location_group_stops.txt — the destinations as stops in one
  // group (stops.txt is optional when locations.geojson defines zones, so none is written without them).
  if (hasDestinations) writeDestinations(files, input.destinations);

  // locations.geojson — one Polygon zone per area.
  files['locations.geojson'] = JSON.stringify({
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      id: zoneId(a.id),
      properties: { stop_name: a.name, stop_desc: `${a.name}のご自宅まで送り迎えします` },
      geometry: { type: 'Polygon', coordinates: [zoneRing(a.anchors, a.radiusM) satisfies Ring] },
    })),
  });

  // booking_rules.txt — same-day (booking_type 1) with the minimum notice; prior_notice_last_day and
  // prior_notice_last_time are forbidden for booking_type 1.
  const message = bookingMessage(input);
  files['booking_rules.txt'] = csv(
    [
      'booking_rule_id',
      'booking_type',
      'prior_notice_duration_min',
      'message',
      'pickup_message',
      'drop_off_message',
      'phone_number',
      'info_url',
    ],
    [
      {
        booking_rule_id: BOOKING_RULE_ID,
        booking_type: 1,
        prior_notice_duration_min: input.minNoticeMinutes,
        message,
        pickup_message: message,
        drop_off_message: message,
        phone_number: input.agency.phone,
        info_url: input.agency.url,
      },
    ],
  );

  // calendar.txt + calendar_dates.txt — the weekdays of each area, and its closed holidays removed.
  files['calendar.txt'] = csv(
    ['service_id', ...WEEKDAY_FIELDS, 'start_date', 'end_date'],
    areas.map((a) => ({
      service_id: serviceId(a.id),
      ...Object.fromEntries(WEEKDAY_FIELDS.map((f, i) => [f, a.hours.weekdays.includes(i + 1) ? 1 : 0])),
      start_date: gtfsDate(input.startDate),
      end_date: gtfsDate(input.endDate),
    })),
  );
  // A header-only file draws the validator's empty-file notice, so it is left out when no day is closed.
  const closed = areas.flatMap((a) =>
    closedServiceDays(a.hours, input.startDate, input.endDate).map((d) => ({
      service_id: serviceId(a.id),
      date: gtfsDate(d),
      exception_type: 2,
    })),
  );
  if (closed.length > 0) files['calendar_dates.txt'] = csv(['service_id', 'date', 'exception_type'], closed);

  // Fares v2: rider_categories.txt, fare_media.txt, fare_products.txt, fare_leg_rules.txt.
  files['rider_categories.txt'] = csv(
    ['rider_category_id', 'rider_category_name', 'is_default_fare_category'],
    RIDER_CATEGORIES.map((c) => ({
      rider_category_id: c.id,
      rider_category_name: c.name,
      is_default_fare_category: c.isDefault,
    })),
  );
  files['fare_media.txt'] = csv(
    ['fare_media_id', 'fare_media_name', 'fare_media_type'],
    FARE_MEDIA.map((m) => ({ fare_media_id: m.id, fare_media_name: m.name, fare_media_type: 0 })),
  );
  files['fare_products.txt'] = csv(
    ['fare_product_id', 'fare_product_name', 'rider_category_id', 'fare_media_id', 'amount', 'currency'],
    RIDER_CATEGORIES.flatMap((c) =>
      FARE_MEDIA.map((m) => ({
        fare_product_id: FARE_PRODUCT_ID,
        fare_product_name: '乗合タクシー 1回の乗車（1人）',
        rider_category_id: c.id,
        fare_media_id: m.id,
        // JPY has no minor unit (ISO 4217), so the amount is a whole number of yen.
        amount: c.rider === 'free' ? 0 : computeFare(input.fares, c.rider, m.id),
        currency: 'JPY',
      })),
    ),
  );
  files['fare_leg_rules.txt'] = csv(['fare_product_id'], [{ fare_product_id: FARE_PRODUCT_ID }]);

  // feed_info.txt — recommended; feed_lang ja, with the dates the calendar covers.
  files['feed_info.txt'] = csv(
    [
      'feed_publisher_name',
      'feed_publisher_url',
      'feed_lang',
      'feed_start_date',
      'feed_end_date',
      'feed_version',
      'feed_contact_url',
    ],
    [
      {
        feed_publisher_name: input.agency.name,
        feed_publisher_url: input.agency.url,
        feed_lang: 'ja',
        feed_start_date: gtfsDate(input.startDate),
        feed_end_date: gtfsDate(input.endDate),
        feed_version: `${input.version}-${contentHash(files)}`,
        feed_contact_url: input.agency.url,
      },
    ],
  );
  return files;
}

/**
 * Days in [start, end] whose weekday the area serves but which `isServiceDay` closes: the one rule
 * the booking screen follows. Only national holidays can close a served weekday, so only they are
 * asked (`isHoliday` scans the whole holiday table per call: a year of days took 50 ms); the test
 * comparing the calendar with `isServiceDay` on every day of the year keeps this equivalence.
 */
export function closedServiceDays(hours: ServiceHours, start: string, end: string): string[] {
  return Object.keys(holidayJp.holidays)
    .filter((d) => d >= start && d <= end)
    .sort()
    .filter((d) => {
      const weekday = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      return hours.weekdays.includes(weekday) && !isServiceDay(hours, d);
    });
}

/** The common destinations as stops, and the one location group the trips serve them through. */
function writeDestinations(files: FeedFiles, destinations: FlexDestination[]): void {
  files['stops.txt'] = csv(
    ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
    destinations.map((d) => ({
      stop_id: placeStopId(d.id),
      stop_name: d.name,
      stop_lat: d.lat,
      stop_lon: d.lng,
    })),
  );
  files['location_groups.txt'] = csv(
    ['location_group_id', 'location_group_name'],
    [{ location_group_id: DESTINATIONS_GROUP_ID, location_group_name: '病院・お店・役所などの行き先' }],
  );
  files['location_group_stops.txt'] = csv(
    ['location_group_id', 'stop_id'],
    destinations.map((d) => ({ location_group_id: DESTINATIONS_GROUP_ID, stop_id: placeStopId(d.id) })),
  );
}

/**
 * Eight hex digits of SHA-256 over every file written so far: a consumer sees a new version exactly
 * when the service it describes changed (hours, zones, fares), not on every download.
 */
function contentHash(files: FeedFiles): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(`${name}\n${files[name]}\n`);
  return h.digest('hex').slice(0, 8);
}
