/**
 * The GTFS and GTFS-Flex rules engawa's feed relies on, as checks over the files of a dataset.
 * The canonical MobilityData validator is a Java program that cannot be installed from the
 * registries this project reaches (see docs/gtfs-flex.md), so each rule it would apply to our
 * feed is written here, named by the section of the GTFS Schedule reference
 * (https://gtfs.org/documentation/schedule/reference/) or RFC 7946 it comes from, and, where the
 * validator has a notice for it, that notice's code. A check returns the violations it found.
 */
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;

export interface Feed {
  files: Record<string, string>;
  table(name: string): Row[];
  header(name: string): string[];
  geojson(): GeoJsonCollection;
}

interface GeoJsonCollection {
  type: string;
  features: {
    type: string;
    id?: unknown;
    properties?: unknown;
    geometry?: { type: string; coordinates: [number, number][][] };
  }[];
}

export function readFeed(files: Record<string, string>): Feed {
  const table = (name: string): Row[] =>
    files[name] === undefined ? [] : (parse(files[name], { columns: true, skip_empty_lines: true }) as Row[]);
  return {
    files,
    table,
    header: (name) => (files[name] ?? '').split('\n')[0]!.split(','),
    geojson: () => JSON.parse(files['locations.geojson'] ?? '{"type":"FeatureCollection","features":[]}'),
  };
}

export interface Rule {
  /** Where the rule is written. */
  cite: string;
  name: string;
  check(feed: Feed): string[];
}

const TIME = /^\d{1,2}:[0-5]\d:[0-5]\d$/;
const DATE = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const seconds = (t: string) => {
  const [h, m, s] = t.split(':').map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
};
const has = (r: Row, f: string) => (r[f] ?? '') !== '';
const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

/** Required files and the required fields of every file we write (reference: Field Definitions). */
const REQUIRED_FIELDS: Record<string, string[]> = {
  'agency.txt': ['agency_name', 'agency_url', 'agency_timezone'],
  'routes.txt': ['route_id', 'route_type'],
  'trips.txt': ['route_id', 'service_id', 'trip_id'],
  'stop_times.txt': ['trip_id', 'stop_sequence'],
  'calendar.txt': [
    'service_id',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'start_date',
    'end_date',
  ],
  'calendar_dates.txt': ['service_id', 'date', 'exception_type'],
  'stops.txt': ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
  'location_groups.txt': ['location_group_id'],
  'location_group_stops.txt': ['location_group_id', 'stop_id'],
  'booking_rules.txt': ['booking_rule_id', 'booking_type'],
  'rider_categories.txt': ['rider_category_id', 'rider_category_name', 'is_default_fare_category'],
  'fare_media.txt': ['fare_media_id', 'fare_media_type'],
  'fare_products.txt': ['fare_product_id', 'amount', 'currency'],
  'fare_leg_rules.txt': ['fare_product_id'],
  'feed_info.txt': ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
};

/** Primary keys (reference: each file's "Primary key"). */
const PRIMARY_KEYS: Record<string, string[]> = {
  'agency.txt': ['agency_id'],
  'routes.txt': ['route_id'],
  'trips.txt': ['trip_id'],
  'stop_times.txt': ['trip_id', 'stop_sequence'],
  'calendar.txt': ['service_id'],
  'calendar_dates.txt': ['service_id', 'date'],
  'stops.txt': ['stop_id'],
  'location_groups.txt': ['location_group_id'],
  'location_group_stops.txt': ['location_group_id', 'stop_id'],
  'booking_rules.txt': ['booking_rule_id'],
  'rider_categories.txt': ['rider_category_id'],
  'fare_media.txt': ['fare_media_id'],
  'fare_products.txt': ['fare_product_id', 'rider_category_id', 'fare_media_id'],
};

/** Foreign IDs: [file, field, referenced file, referenced field]. */
const FOREIGN_KEYS: [string, string, string, string][] = [
  ['routes.txt', 'agency_id', 'agency.txt', 'agency_id'],
  ['trips.txt', 'route_id', 'routes.txt', 'route_id'],
  ['trips.txt', 'service_id', 'calendar.txt', 'service_id'],
  ['stop_times.txt', 'trip_id', 'trips.txt', 'trip_id'],
  ['stop_times.txt', 'stop_id', 'stops.txt', 'stop_id'],
  ['stop_times.txt', 'location_group_id', 'location_groups.txt', 'location_group_id'],
  ['stop_times.txt', 'pickup_booking_rule_id', 'booking_rules.txt', 'booking_rule_id'],
  ['stop_times.txt', 'drop_off_booking_rule_id', 'booking_rules.txt', 'booking_rule_id'],
  ['calendar_dates.txt', 'service_id', 'calendar.txt', 'service_id'],
  ['location_group_stops.txt', 'location_group_id', 'location_groups.txt', 'location_group_id'],
  ['location_group_stops.txt', 'stop_id', 'stops.txt', 'stop_id'],
  ['fare_products.txt', 'rider_category_id', 'rider_categories.txt', 'rider_category_id'],
  ['fare_products.txt', 'fare_media_id', 'fare_media.txt', 'fare_media_id'],
  ['fare_leg_rules.txt', 'fare_product_id', 'fare_products.txt', 'fare_product_id'],
];

const windowed = (r: Row) => has(r, 'start_pickup_drop_off_window') || has(r, 'end_pickup_drop_off_window');

/** Weekday of a GTFS date, as the calendar.txt field name. */
const WEEKDAY_FIELDS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayField = (d: string) =>
  WEEKDAY_FIELDS[new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T00:00:00Z`).getUTCDay()]!;

/** Dates a service runs: calendar.txt's weekdays in its range, with calendar_dates.txt's exceptions. */
export function activeDates(feed: Feed, serviceId: string): string[] {
  const cal = feed.table('calendar.txt').find((c) => c.service_id === serviceId);
  const ex = feed.table('calendar_dates.txt').filter((d) => d.service_id === serviceId);
  const out = new Set<string>();
  if (cal) {
    for (
      let t = Date.parse(
        `${cal.start_date!.slice(0, 4)}-${cal.start_date!.slice(4, 6)}-${cal.start_date!.slice(6)}`,
      );
      ;
      t += 86_400_000
    ) {
      const d = new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
      if (d > cal.end_date!) break;
      if (cal[weekdayField(d)] === '1') out.add(d);
    }
  }
  for (const e of ex) {
    if (e.exception_type === '1') out.add(e.date!);
    else out.delete(e.date!);
  }
  return [...out].sort();
}

const cross = (o: number[], a: number[], b: number[]) =>
  (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);

/** Whether two segments cross (proper intersections; shared endpoints of neighbours excluded by the caller). */
function segmentsCross(p1: number[], p2: number[], p3: number[], p4: number[]): boolean {
  const d1 = cross(p3, p4, p1);
  const d2 = cross(p3, p4, p2);
  const d3 = cross(p1, p2, p3);
  const d4 = cross(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export const RULES: Rule[] = [
  {
    cite: 'Dataset Files; File Requirements',
    name: 'required files are present and the zone file is the only non-CSV file',
    check: (f) => {
      const out = ['agency.txt', 'routes.txt', 'trips.txt', 'stop_times.txt']
        .filter((n) => f.files[n] === undefined)
        .map((n) => `${n} missing`);
      if (!f.files['calendar.txt'] && !f.files['calendar_dates.txt'])
        out.push('calendar.txt or calendar_dates.txt required');
      // stops.txt: Conditionally Required — optional only when locations.geojson defines zones.
      if (!f.files['stops.txt'] && !f.files['locations.geojson'])
        out.push('stops.txt required without zones');
      // location_groups.txt: Required if location_group_stops.txt is provided.
      if (f.files['location_group_stops.txt'] && !f.files['location_groups.txt'])
        out.push('location_groups.txt required with location_group_stops.txt');
      return out;
    },
  },
  {
    cite: 'File Requirements (validator: invalid_row_length, new_line_in_value, empty_file)',
    name: 'CSV files have a header, rows as long as it, no tabs or line breaks in values, no empty file',
    check: (f) =>
      Object.entries(f.files)
        .filter(([n]) => n.endsWith('.txt'))
        .flatMap(([n, text]) => {
          const rows = parse(text, { relax_column_count: true }) as string[][];
          const out: string[] = [];
          if (rows.length < 2) out.push(`${n}: empty (header only)`);
          for (const [i, r] of rows.entries()) {
            if (r.length !== rows[0]!.length)
              out.push(`${n} row ${i}: ${r.length} values, header has ${rows[0]!.length}`);
            if (r.some((v) => /[\t\r\n]/.test(v))) out.push(`${n} row ${i}: tab or line break in a value`);
          }
          return out;
        }),
  },
  {
    cite: 'Field Definitions: Presence "Required" (validator: missing_required_field)',
    name: 'every required field is present and filled',
    check: (f) =>
      Object.entries(REQUIRED_FIELDS).flatMap(([file, fields]) =>
        f
          .table(file)
          .flatMap((r, i) =>
            fields.filter((fl) => !has(r, fl)).map((fl) => `${file} row ${i + 1}: ${fl} empty`),
          ),
      ),
  },
  {
    cite: 'Dataset Attributes: primary key (validator: duplicate_key)',
    name: 'primary keys are unique',
    check: (f) =>
      Object.entries(PRIMARY_KEYS).flatMap(([file, key]) => {
        const seen = new Set<string>();
        return f.table(file).flatMap((r) => {
          const k = key.map((c) => r[c] ?? '').join('\u0000');
          if (seen.has(k)) return [`${file}: duplicate key ${key.join('+')} = ${k}`];
          seen.add(k);
          return [];
        });
      }),
  },
  {
    cite: 'Field Types: Foreign ID (validator: foreign_key_violation)',
    name: 'every foreign ID resolves',
    check: (f) => {
      const out: string[] = [];
      for (const [file, field, ref, refField] of FOREIGN_KEYS) {
        const ids = new Set(f.table(ref).map((r) => r[refField]));
        for (const r of f.table(file))
          if (has(r, field) && !ids.has(r[field])) out.push(`${file}.${field} = ${r[field]} not in ${ref}`);
      }
      const zones = new Set(f.geojson().features.map((x) => x.id));
      for (const r of f.table('stop_times.txt'))
        if (has(r, 'location_id') && !zones.has(r.location_id))
          out.push(`location_id ${r.location_id} not in locations.geojson`);
      return out;
    },
  },
  {
    cite: 'stops.txt stop_id, location_groups.txt, locations.geojson id: "unique across all stops.stop_id, locations.geojson id, and location_groups.location_group_id" (validator: duplicate_geography_id)',
    name: 'stop, zone and location group ids share one namespace without clashes',
    check: (f) => {
      const all = [
        ...f.table('stops.txt').map((r) => r.stop_id!),
        ...f.geojson().features.map((x) => String(x.id)),
        ...f.table('location_groups.txt').map((r) => r.location_group_id!),
      ];
      return all.filter((id, i) => all.indexOf(id) !== i).map((id) => `id ${id} used twice`);
    },
  },
  {
    cite: 'stop_times.txt stop_id / location_group_id / location_id: Conditionally Required/Forbidden',
    name: 'each stop time names exactly one of stop_id, location_group_id, location_id',
    check: (f) =>
      f
        .table('stop_times.txt')
        .filter((r) => ['stop_id', 'location_group_id', 'location_id'].filter((k) => has(r, k)).length !== 1)
        .map((r) => `${r.trip_id}#${r.stop_sequence}: not exactly one place field`),
  },
  {
    cite: 'stop_times.txt start/end_pickup_drop_off_window; arrival_time, departure_time; Field Types: Time',
    name: 'zones and groups have both windows in HH:MM:SS, start before end, and no arrival or departure time',
    check: (f) =>
      f.table('stop_times.txt').flatMap((r) => {
        const id = `${r.trip_id}#${r.stop_sequence}`;
        const out: string[] = [];
        const flex = has(r, 'location_id') || has(r, 'location_group_id');
        if (flex && !(has(r, 'start_pickup_drop_off_window') && has(r, 'end_pickup_drop_off_window')))
          out.push(`${id}: windows required for a zone or group`);
        if (windowed(r)) {
          if (!TIME.test(r.start_pickup_drop_off_window!) || !TIME.test(r.end_pickup_drop_off_window!))
            out.push(`${id}: window not HH:MM:SS`);
          else if (seconds(r.start_pickup_drop_off_window!) >= seconds(r.end_pickup_drop_off_window!))
            out.push(`${id}: window starts after it ends`);
          if (has(r, 'arrival_time') || has(r, 'departure_time'))
            out.push(`${id}: arrival/departure forbidden with windows`);
        }
        return out;
      }),
  },
  {
    cite: 'stop_times.txt pickup_type, drop_off_type: Conditionally Forbidden (validator: forbidden_pickup_type, forbidden_drop_off_type)',
    name: 'with windows, pickup_type is 1 or 2 and drop_off_type is 1, 2 or 3; each trip can be boarded and left',
    check: (f) => {
      const out = f.table('stop_times.txt').flatMap((r) => {
        if (!windowed(r)) return [];
        const id = `${r.trip_id}#${r.stop_sequence}`;
        return [
          ...(['1', '2'].includes(r.pickup_type!)
            ? []
            : [`${id}: pickup_type ${r.pickup_type || 0} with windows`]),
          ...(['1', '2', '3'].includes(r.drop_off_type!)
            ? []
            : [`${id}: drop_off_type ${r.drop_off_type || 0} with windows`]),
        ];
      });
      for (const t of f.table('trips.txt')) {
        const st = f.table('stop_times.txt').filter((r) => r.trip_id === t.trip_id);
        if (!st.some((r) => r.pickup_type !== '1')) out.push(`${t.trip_id}: no pickup anywhere`);
        if (!st.some((r) => r.drop_off_type !== '1')) out.push(`${t.trip_id}: no drop-off anywhere`);
      }
      return out;
    },
  },
  {
    cite: 'stop_times.txt pickup_booking_rule_id / drop_off_booking_rule_id: "Recommended when pickup_type=2" (validator: missing_pickup_drop_off_booking_rule_id)',
    name: 'every phone-to-book pickup and drop-off names its booking rule',
    check: (f) =>
      f
        .table('stop_times.txt')
        .flatMap((r) => [
          ...(r.pickup_type === '2' && !has(r, 'pickup_booking_rule_id')
            ? [`${r.trip_id}#${r.stop_sequence}: pickup rule`]
            : []),
          ...(r.drop_off_type === '2' && !has(r, 'drop_off_booking_rule_id')
            ? [`${r.trip_id}#${r.stop_sequence}: drop-off rule`]
            : []),
        ]),
  },
  {
    cite: 'trips.txt ("a sequence of two or more stops"); stop_times.txt stop_sequence "must increase along the trip" (validator: unusable_trip)',
    name: 'each trip has two or more stop times, in increasing stop_sequence, and every trip is used',
    check: (f) =>
      f.table('trips.txt').flatMap((t) => {
        const seq = f
          .table('stop_times.txt')
          .filter((r) => r.trip_id === t.trip_id)
          .map((r) => Number(r.stop_sequence));
        return [
          ...(seq.length < 2 ? [`${t.trip_id}: ${seq.length} stop times`] : []),
          ...(seq.some((s, i) => i > 0 && s <= seq[i - 1]!)
            ? [`${t.trip_id}: stop_sequence not increasing`]
            : []),
        ];
      }),
  },
  {
    cite: 'stop_times.txt, On-demand Service Routing Behavior: simultaneous overlap of geometry, window and pickup/drop-off type is forbidden (validator: overlapping_zone_and_pickup_drop_off_window)',
    name: 'no two stop times of a trip offer the same zone, at overlapping times, for the same kind of stop',
    check: (f) => {
      const out: string[] = [];
      const st = f.table('stop_times.txt').filter((r) => has(r, 'location_id') && windowed(r));
      for (const a of st)
        for (const b of st) {
          if (a === b || a.trip_id !== b.trip_id || a.location_id !== b.location_id) continue;
          const overlap =
            seconds(a.start_pickup_drop_off_window!) < seconds(b.end_pickup_drop_off_window!) &&
            seconds(b.start_pickup_drop_off_window!) < seconds(a.end_pickup_drop_off_window!);
          const bothPickup = a.pickup_type !== '1' && b.pickup_type !== '1';
          const bothDropOff = a.drop_off_type !== '1' && b.drop_off_type !== '1';
          if (overlap && (bothPickup || bothDropOff))
            out.push(`${a.trip_id}: #${a.stop_sequence} and #${b.stop_sequence} overlap in ${a.location_id}`);
        }
      return out;
    },
  },
  {
    cite: 'locations.geojson: FeatureCollection of Features with id, properties and a Polygon or MultiPolygon geometry',
    name: 'the zone file has the required structure',
    check: (f) => {
      if (!f.files['locations.geojson']) return [];
      const g = f.geojson();
      const out = g.type === 'FeatureCollection' ? [] : ['not a FeatureCollection'];
      for (const x of g.features) {
        if (x.type !== 'Feature') out.push('a member is not a Feature');
        if (typeof x.id !== 'string' || x.id === '') out.push('a Feature without id');
        if (typeof x.properties !== 'object' || x.properties === null)
          out.push(`${String(x.id)}: no properties`);
        if (!x.geometry || !['Polygon', 'MultiPolygon'].includes(x.geometry.type))
          out.push(`${String(x.id)}: not a polygon`);
      }
      return out;
    },
  },
  {
    cite: 'RFC 7946 §3.1.1, §3.1.6 (positions [lon, lat]; linear rings closed, ≥ 4 positions, exterior counter-clockwise); OGC Simple Features 6.1.11 (validator: invalid_geometry)',
    name: 'zones are closed, counter-clockwise, simple rings of WGS84 positions',
    check: (f) => {
      const out: string[] = [];
      for (const x of f.files['locations.geojson'] ? f.geojson().features : []) {
        if (x.geometry?.type !== 'Polygon') continue;
        for (const [ri, ring] of x.geometry.coordinates.entries()) {
          const id = `${String(x.id)} ring ${ri}`;
          if (ring.length < 4) out.push(`${id}: fewer than 4 positions`);
          const [first, last] = [ring[0]!, ring.at(-1)!];
          if (first[0] !== last[0] || first[1] !== last[1]) out.push(`${id}: not closed`);
          if (ring.some(([lon, lat]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)))
            out.push(`${id}: position out of range`);
          let area2 = 0;
          for (let i = 0; i < ring.length - 1; i++) area2 += cross([0, 0], ring[i]!, ring[i + 1]!);
          if (ri === 0 && area2 <= 0) out.push(`${id}: exterior ring is not counter-clockwise`);
          const n = ring.length - 1;
          for (let i = 0; i < n; i++)
            for (let j = i + 2; j < n; j++) {
              if (i === 0 && j === n - 1) continue; // neighbours across the closing position
              if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!))
                out.push(`${id}: edges ${i} and ${j} cross`);
            }
        }
      }
      return out;
    },
  },
  {
    cite: 'booking_rules.txt: booking_type 1 requires prior_notice_duration_min and forbids prior_notice_last_day, prior_notice_last_time, prior_notice_service_id (validator: forbidden_same_day_booking_field_value)',
    name: 'same-day booking rules carry the minimum notice and none of the prior-day fields',
    check: (f) =>
      f.table('booking_rules.txt').flatMap((r) => {
        const id = r.booking_rule_id;
        const out: string[] = [];
        if (!['0', '1', '2'].includes(r.booking_type!)) out.push(`${id}: booking_type ${r.booking_type}`);
        if (r.booking_type === '1') {
          if (!/^\d+$/.test(r.prior_notice_duration_min ?? ''))
            out.push(`${id}: prior_notice_duration_min required`);
          for (const k of ['prior_notice_last_day', 'prior_notice_last_time', 'prior_notice_service_id'])
            if (has(r, k)) out.push(`${id}: ${k} forbidden for same-day`);
          if (has(r, 'prior_notice_start_day') && has(r, 'prior_notice_duration_max'))
            out.push(`${id}: prior_notice_start_day forbidden with prior_notice_duration_max`);
        }
        return out;
      }),
  },
  {
    cite: 'calendar.txt (Enum 0/1; Date YYYYMMDD; end_date included), calendar_dates.txt (exception_type 1/2)',
    name: 'calendars are well formed and each service runs on some day',
    check: (f) => {
      const out: string[] = [];
      for (const c of f.table('calendar.txt')) {
        const days = WEEKDAY_FIELDS.map((d) => c[d]);
        if (days.some((v) => v !== '0' && v !== '1')) out.push(`${c.service_id}: weekday not 0/1`);
        if (!DATE.test(c.start_date!) || !DATE.test(c.end_date!))
          out.push(`${c.service_id}: date not YYYYMMDD`);
        if (c.start_date! > c.end_date!) out.push(`${c.service_id}: starts after it ends`);
        if (activeDates(f, c.service_id!).length === 0) out.push(`${c.service_id}: never runs`);
      }
      for (const d of f.table('calendar_dates.txt')) {
        if (!DATE.test(d.date!)) out.push(`calendar_dates ${d.date}: not YYYYMMDD`);
        if (!['1', '2'].includes(d.exception_type!))
          out.push(`calendar_dates ${d.date}: exception_type ${d.exception_type}`);
      }
      return out;
    },
  },
  {
    cite: "rider_categories.txt is_default_fare_category: exactly one default among a fare product's categories; fare_products.txt amount: ISO 4217 decimals (JPY: none) (validator: fare_product_with_multiple_default_rider_categories, invalid_currency_amount)",
    name: 'fares name one default rider category and whole-yen amounts',
    check: (f) => {
      const out: string[] = [];
      const defaults = new Set(
        f
          .table('rider_categories.txt')
          .filter((c) => c.is_default_fare_category === '1')
          .map((c) => c.rider_category_id),
      );
      const byProduct = new Map<string, Set<string>>();
      for (const p of f.table('fare_products.txt')) {
        if (p.currency !== 'JPY') out.push(`${p.fare_product_id}: currency ${p.currency}`);
        if (!/^-?\d+$/.test(p.amount!)) out.push(`${p.fare_product_id}: amount ${p.amount} is not whole yen`);
        if (has(p, 'rider_category_id'))
          byProduct.set(
            p.fare_product_id!,
            (byProduct.get(p.fare_product_id!) ?? new Set()).add(p.rider_category_id!),
          );
      }
      for (const [id, cats] of byProduct)
        if (cats.size > 1 && [...cats].filter((c) => defaults.has(c)).length !== 1)
          out.push(`${id}: not exactly one default rider category`);
      for (const m of f.table('fare_media.txt'))
        if (!['0', '1', '2', '3', '4'].includes(m.fare_media_type!))
          out.push(`${m.fare_media_id}: fare_media_type`);
      return out;
    },
  },
  {
    cite: 'Field Types: URL ("fully qualified … http:// or https://"), Language code (IETF BCP 47), Currency code (ISO 4217) (validator: invalid_url, invalid_language_code, invalid_currency)',
    name: 'URLs, language and currency codes are well formed',
    check: (f) => {
      const out: string[] = [];
      const urls: [string, string][] = [
        ['agency.txt', 'agency_url'],
        ['feed_info.txt', 'feed_publisher_url'],
        ['feed_info.txt', 'feed_contact_url'],
        ['booking_rules.txt', 'info_url'],
        ['booking_rules.txt', 'booking_url'],
      ];
      for (const [file, field] of urls)
        for (const r of f.table(file))
          if (has(r, field) && !URL.canParse(r[field]!)) out.push(`${file}.${field}: ${r[field]}`);
          else if (has(r, field) && !/^https?:$/.test(new URL(r[field]!).protocol))
            out.push(`${file}.${field}: not http(s)`);
      for (const [file, field] of [
        ['agency.txt', 'agency_lang'],
        ['feed_info.txt', 'feed_lang'],
      ] as const)
        for (const r of f.table(file))
          if (has(r, field) && !isLanguageTag(r[field]!)) out.push(`${file}.${field}: ${r[field]}`);
      for (const p of f.table('fare_products.txt'))
        if (!/^[A-Z]{3}$/.test(p.currency ?? '')) out.push(`fare_products.currency ${p.currency}`);
      return out;
    },
  },
  {
    cite: 'feed_info.txt feed_lang (Language code), feed_start_date/feed_end_date cover the calendar; agency.txt agency_timezone (validator: feed_expiration_date30_days)',
    name: 'feed_info and agency are consistent with the calendar',
    check: (f) => {
      const out: string[] = [];
      const info = f.table('feed_info.txt')[0];
      const cals = f.table('calendar.txt');
      if (info) {
        if (!DATE.test(info.feed_start_date!) || !DATE.test(info.feed_end_date!))
          out.push('feed dates not YYYYMMDD');
        for (const c of cals)
          if (c.start_date! < info.feed_start_date! || c.end_date! > info.feed_end_date!)
            out.push(`${c.service_id}: outside the feed's dates`);
      }
      for (const a of f.table('agency.txt'))
        if (a.agency_timezone !== 'Asia/Tokyo') out.push('agency_timezone');
      return out;
    },
  },
];

/** Every rule's violations, prefixed by the rule's citation. */
export function feedViolations(files: Record<string, string>): string[] {
  const feed = readFeed(files);
  return RULES.flatMap((r) => r.check(feed).map((v) => `[${r.cite}] ${v}`));
}
