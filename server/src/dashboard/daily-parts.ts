import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { km } from './taxi';
import { tokyoDateOf } from './range';
import { REMINDER_GRACE_MS } from './watch';

/**
 * One additive part of a figure on one Tokyo day, for one scope (the city or a hamlet): summing a
 * key's parts over a period's days gives the period's number. `list` carries the values a median
 * needs. The definitions are those of the per-figure modules (households.ts, shop.ts, taxi.ts,
 * watch.ts, billing.ts); `fast-path.test.ts` checks that both give the same figures.
 */
export interface DailyPart {
  day: string;
  key: string;
  value: number;
  list?: number[];
}

/** Keys whose running total starts before the range (counted since the first household). */
export const CUMULATIVE_KEYS = ['hh', 'member'] as const;

/** The car reasons are stored under this prefix, a missing reason as その他 like the figure. */
export const REASON_PREFIX = 'reason:';
export const OTHER_REASON = 'その他';

interface Row {
  day: string;
  key: string;
  value: number | null;
}

/**
 * Every part of every figure for the days in [fromDate, toDate), for `hamletId` or the whole city
 * (null). Each query walks an index that leads with its date (or reads only the range's rows), so
 * a day or two is cheap; the summary job calls it for the days it keeps.
 */
export async function dailyParts(
  db: Db,
  hamletId: number | null,
  fromDate: string,
  toDate: string,
  now: Date,
): Promise<DailyPart[]> {
  const from = sql`${fromDate}`;
  const to = sql`${toDate}`;
  // Instants from Tokyo midnight of the first day, to the same of the day after the last.
  const fromMs = sql`(unixepoch(${fromDate}) - 32400) * 1000`;
  const toMs = sql`(unixepoch(${toDate}) - 32400) * 1000`;
  // A key lookup per row read (a day's rows are few), not a scan of every household per query.
  const householdIn = (col: SQL) =>
    hamletId === null
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM households h WHERE h.id = ${col} AND h.hamlet_id = ${hamletId})`;
  const residentIn = (col: SQL) =>
    hamletId === null
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM residents r JOIN households h ON h.id = r.household_id
                        WHERE r.id = ${col} AND h.hamlet_id = ${hamletId})`;
  const hamletCol = (col: SQL) => (hamletId === null ? sql`` : sql`AND ${col} = ${hamletId}`);
  const nowMs = now.getTime();
  const rows: Row[] = [];
  const add = async (query: SQL) => rows.push(...(await db.all<Row>(query)));

  const created = tokyoDateOf(sql`created_at`);
  await add(sql`SELECT ${created} AS day, 'hh' AS key, count(*) AS value FROM households
    WHERE created_at <= ${nowMs} AND created_at >= ${fromMs} AND created_at < ${toMs} ${hamletCol(sql`hamlet_id`)}
    GROUP BY 1`);
  await add(sql`SELECT shop_member_since AS day, 'member' AS key, count(*) AS value FROM households
    WHERE shop_member_since IS NOT NULL AND shop_member_since >= ${from} AND shop_member_since < ${to}
      ${hamletCol(sql`hamlet_id`)}
    GROUP BY 1`);

  const orderIn = sql`o.delivery_date >= ${from} AND o.delivery_date < ${to} ${hamletCol(sql`o.hamlet_id`)}`;
  const orders = await db.all<{ day: string; orders: number; items: number }>(sql`
    SELECT o.delivery_date AS day, count(DISTINCT o.id) AS orders, coalesce(sum(l.qty - l.missing_qty), 0) AS items
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE ${orderIn} AND o.status <> 'cancelled' GROUP BY 1`);
  for (const r of orders)
    rows.push({ day: r.day, key: 'orders', value: r.orders }, { day: r.day, key: 'items', value: r.items });
  await add(sql`SELECT o.delivery_date AS day,
      CASE WHEN o.delivery_mode = 'drone' THEN 'drone' ELSE ${REASON_PREFIX} || coalesce(o.delivery_mode_reason, ${OTHER_REASON}) END AS key,
      count(*) AS value
    FROM orders o
    WHERE ${orderIn} AND o.status IN ('at_hall', 'delivered') AND o.delivery_mode IN ('drone', 'car')
    GROUP BY 1, 2`);

  const done = sql`b.status = 'arrived' AND b.service_date >= ${from} AND b.service_date < ${to}
    ${householdIn(sql`b.household_id`)}`;
  const rides = await db.all<{
    day: string;
    rides: number;
    riders: number;
    pooled: number;
    direct: number;
  }>(sql`
    SELECT b.service_date AS day, count(*) AS rides, sum(b.passengers) AS riders,
      sum(EXISTS (SELECT 1 FROM taxi_bookings o
        WHERE o.service_date = b.service_date AND o.vehicle_id = b.vehicle_id AND o.id <> b.id
          AND o.status = 'arrived' AND o.picked_up_at < b.dropped_off_at AND o.dropped_off_at > b.picked_up_at)) AS pooled,
      sum(${km(sql`b.pickup_lat`, sql`b.pickup_lon`, sql`b.dropoff_lat`, sql`b.dropoff_lon`)}) AS direct
    FROM taxi_bookings b WHERE ${done} GROUP BY 1`);
  for (const r of rides)
    rows.push(
      { day: r.day, key: 'rides', value: r.rides },
      { day: r.day, key: 'riders', value: r.riders },
      { day: r.day, key: 'pooled', value: r.pooled },
      { day: r.day, key: 'direct_km', value: r.direct },
    );
  await add(sql`SELECT d AS day, 'vehicle_ms' AS key, sum(span) AS value FROM (
      SELECT b.service_date AS d, max(b.dropped_off_at) - min(b.picked_up_at) AS span
      FROM taxi_bookings b WHERE ${done} GROUP BY b.service_date, b.vehicle_id)
    GROUP BY 1`);
  await add(sql`
    WITH stops AS (
      SELECT b.service_date AS d, b.vehicle_id AS v, b.picked_up_at AS at, 1 AS delta,
        b.pickup_lat AS lat, b.pickup_lon AS lon FROM taxi_bookings b WHERE ${done}
      UNION ALL
      SELECT b.service_date, b.vehicle_id, b.dropped_off_at, -1, b.dropoff_lat, b.dropoff_lon
        FROM taxi_bookings b WHERE ${done}),
    legs AS (
      SELECT d, lat, lon,
        sum(delta) OVER (PARTITION BY d, v ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS aboard,
        lead(lat) OVER (PARTITION BY d, v ORDER BY at, delta) AS nlat,
        lead(lon) OVER (PARTITION BY d, v ORDER BY at, delta) AS nlon
      FROM stops)
    SELECT d AS day, 'loaded_km' AS key,
      sum(CASE WHEN aboard > 0 AND nlat IS NOT NULL THEN ${km(sql`lat`, sql`lon`, sql`nlat`, sql`nlon`)} ELSE 0 END) AS value
    FROM legs GROUP BY 1`);

  const alerts = await db.all<{ day: string; ackMs: number | null }>(sql`
    SELECT ${tokyoDateOf(sql`opened_at`)} AS day, acknowledged_at - opened_at AS ackMs FROM watch_alerts
    WHERE opened_at >= ${fromMs} AND opened_at < ${toMs} ${residentIn(sql`resident_id`)}`);
  const byDay = new Map<string, number[]>();
  const raised = new Map<string, number>();
  for (const a of alerts) {
    raised.set(a.day, (raised.get(a.day) ?? 0) + 1);
    if (!byDay.has(a.day)) byDay.set(a.day, []);
    if (a.ackMs !== null) byDay.get(a.day)!.push(a.ackMs);
  }
  const parts: DailyPart[] = [];
  for (const [day, n] of raised) {
    const acked = byDay.get(day)!;
    parts.push({ day, key: 'alerts', value: n }, { day, key: 'acked', value: acked.length, list: acked });
  }

  const dueDay = tokyoDateOf(sql`due_at`);
  const reminders = await db.all<{ day: string; confirmed: number; missed: number }>(sql`
    SELECT ${dueDay} AS day, sum(confirmed_at IS NOT NULL) AS confirmed,
      sum(confirmed_at IS NULL AND due_at <= ${nowMs - REMINDER_GRACE_MS}) AS missed
    FROM watch_reminder_occurrences
    WHERE due_at >= ${fromMs} AND due_at < ${toMs} AND due_at <= ${nowMs} ${residentIn(sql`resident_id`)}
    GROUP BY 1`);
  for (const r of reminders)
    rows.push(
      { day: r.day, key: 'confirmed', value: r.confirmed },
      { day: r.day, key: 'missed', value: r.missed },
    );

  const charges = await db.all<{ day: string; revenue: number; commission: number | null }>(sql`
    SELECT ${tokyoDateOf(sql`c.occurred_at`)} AS day, sum(c.amount_yen) AS revenue,
      sum(CASE WHEN c.kind = 'goods' THEN c.amount_yen * s.commission_bp ELSE 0 END) AS commission
    FROM charges c LEFT JOIN sellers s ON s.id = c.seller_id
    WHERE c.kind <> 'carry_over' AND c.occurred_at >= ${fromMs} AND c.occurred_at < ${toMs}
      ${householdIn(sql`c.household_id`)}
    GROUP BY 1`);
  for (const r of charges)
    rows.push(
      { day: r.day, key: 'revenue', value: r.revenue },
      { day: r.day, key: 'commission_bp_yen', value: r.commission },
    );

  const debits = await db.all<{ day: string; n: number; yen: number }>(sql`
    SELECT ${tokyoDateOf(sql`d.result_at`)} AS day, count(*) AS n, sum(d.amount) AS yen FROM debit_items d
    WHERE d.status = 'failed' AND d.result_at >= ${fromMs} AND d.result_at < ${toMs}
      ${householdIn(sql`d.household_id`)}
    GROUP BY 1`);
  for (const r of debits)
    rows.push({ day: r.day, key: 'debits', value: r.n }, { day: r.day, key: 'debit_yen', value: r.yen });

  for (const r of rows) if (r.value !== null) parts.push({ day: r.day, key: r.key, value: r.value });
  return parts;
}
