import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { bucketOf, inHamlet, perPeriod, type DashboardRange, type Figure } from './range';

/**
 * Straight-line kilometres between two points (equirectangular; within a valley's few tens of
 * kilometres it is within a fraction of a percent of the great circle). Roads are longer; both
 * sides of the comparison are measured the same way, so the saving is what matters.
 */
export const km = (lat1: SQL, lon1: SQL, lat2: SQL, lon2: SQL): SQL => sql`(111.195 * sqrt(
  (${lat2} - ${lat1}) * (${lat2} - ${lat1}) +
  ((${lon2} - ${lon1}) * cos(radians((${lat1} + ${lat2}) / 2))) *
  ((${lon2} - ${lon1}) * cos(radians((${lat1} + ${lat2}) / 2)))))`;

/** Rides completed (the riders were dropped off) on a service date in the range. */
const done = (range: DashboardRange, b = sql`b`) =>
  sql`${b}.status = 'arrived' AND ${b}.service_date >= ${range.fromDate} AND ${b}.service_date < ${range.toDate}
      ${inHamlet(range, sql`${b}.household_id`)}`;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Rides, riders, how many rides shared the vehicle, riders per vehicle-hour, and kilometres with
 * riders aboard against the kilometres of each ride driven alone.
 */
export async function countRides(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const bucket = bucketOf(range, sql`b.service_date`);
  const rides = await db.all<{
    bucket: string;
    rides: number;
    riders: number;
    pooled: number;
    direct: number;
  }>(sql`
    SELECT ${bucket} AS bucket, count(*) AS rides, sum(b.passengers) AS riders,
      sum(EXISTS (SELECT 1 FROM taxi_bookings o
        WHERE o.service_date = b.service_date AND o.vehicle_id = b.vehicle_id AND o.id <> b.id
          AND o.status = 'arrived' AND o.picked_up_at < b.dropped_off_at AND o.dropped_off_at > b.picked_up_at)) AS pooled,
      sum(${km(sql`b.pickup_lat`, sql`b.pickup_lon`, sql`b.dropoff_lat`, sql`b.dropoff_lon`)}) AS direct
    FROM taxi_bookings b WHERE ${done(range)}
    GROUP BY 1`);
  // The hours a vehicle was in service for riders: first pick-up to last drop-off of its day.
  const hours = await db.all<{ bucket: string; hours: number }>(sql`
    SELECT ${bucketOf(range, sql`d`)} AS bucket, sum(span) / 3600000.0 AS hours FROM (
      SELECT b.service_date AS d, max(b.dropped_off_at) - min(b.picked_up_at) AS span
      FROM taxi_bookings b WHERE ${done(range)} GROUP BY b.service_date, b.vehicle_id)
    GROUP BY 1`);
  // Legs between consecutive stops of a vehicle's day, counted while someone is aboard.
  const loaded = await db.all<{ bucket: string; km: number }>(sql`
    WITH stops AS (
      SELECT b.service_date AS d, b.vehicle_id AS v, b.picked_up_at AS at, 1 AS delta,
        b.pickup_lat AS lat, b.pickup_lon AS lon FROM taxi_bookings b WHERE ${done(range)}
      UNION ALL
      SELECT b.service_date, b.vehicle_id, b.dropped_off_at, -1, b.dropoff_lat, b.dropoff_lon
        FROM taxi_bookings b WHERE ${done(range)}),
    legs AS (
      SELECT d, lat, lon,
        sum(delta) OVER (PARTITION BY d, v ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS aboard,
        lead(lat) OVER (PARTITION BY d, v ORDER BY at, delta) AS nlat,
        lead(lon) OVER (PARTITION BY d, v ORDER BY at, delta) AS nlon
      FROM stops)
    SELECT ${bucketOf(range, sql`d`)} AS bucket,
      sum(CASE WHEN aboard > 0 AND nlat IS NOT NULL THEN ${km(sql`lat`, sql`lon`, sql`nlat`, sql`nlon`)} ELSE 0 END) AS km
    FROM legs GROUP BY 1`);
  const key = (r: { bucket: string }) => r.bucket;
  const riders = perPeriod(range, rides, key, (r) => r.riders);
  const vehicleHours = perPeriod(range, hours, key, (r) => r.hours);
  const count = perPeriod(range, rides, key, (r) => r.rides);
  const pooled = perPeriod(range, rides, key, (r) => r.pooled);
  return [
    {
      id: 'rides',
      title: '乗合タクシーの利用',
      unit: '件・人',
      series: [
        { label: '乗車', values: count },
        { label: '乗客', values: riders },
      ],
      note: '運行日が期間内で、降車まで終わった予約の数と、その乗客（付き添いを含む）の数。',
    },
    {
      id: 'pooling',
      title: '相乗り率',
      unit: '%',
      series: [{ label: '相乗り率', values: count.map((n, i) => (n ? round1((100 * pooled[i]!) / n) : 0)) }],
      note: '乗車中に同じ車に別の予約の乗客も乗っていた乗車の割合。',
    },
    {
      id: 'riders-per-hour',
      title: '車両1時間あたりの乗客数',
      unit: '人/時',
      series: [
        {
          label: '乗客/車両時間',
          values: riders.map((n, i) => (vehicleHours[i] ? round1(n / vehicleHours[i]!) : 0)),
        },
      ],
      note: '乗客数を車両の運行時間で割ったもの。運行時間は車両ごと・日ごとの最初の乗車から最後の降車まで。',
    },
    {
      id: 'vehicle-km',
      title: '走行距離（相乗りと単独運行の比較）',
      unit: 'km',
      series: [
        { label: '乗客を乗せた走行', values: perPeriod(range, loaded, key, (r) => round1(r.km)) },
        { label: '単独運行の場合', values: perPeriod(range, rides, key, (r) => round1(r.direct)) },
      ],
      note: '乗客を乗せていた区間の距離（停車地の順の直線距離）と、各乗車を1台ずつ直行した場合の距離の合計。',
    },
  ];
}
