/**
 * A city's year for the dashboard, written directly with prepared inserts in one transaction (the
 * business functions would take hours for 100,000 households): households joining over the year,
 * orders with lines, shared-taxi rides on a fleet sized like a real one, watch alerts, daily
 * reminders, charges. Deterministic through the house's one generator. Used by `bench:console`
 * and by the dashboard's fast-path test; expects the demo seed (hamlets, areas, a seller, products).
 *
 * Densities per household and year: six in ten order about once a month (two lines, 3 % cancelled,
 * one in five by car); one in five rides twice a month; membership every month; one in four is
 * watched with an alert a quarter; one in twenty has a daily reminder.
 */
import type { Sqlite } from '../../db/src';
import { Random } from '../../server/src/lib/random';
import { addDays, fromTokyo, tokyoDate } from '../../server/src/lib/tokyo';

const DAY_MS = 86_400_000;
/** A shared-taxi vehicle carries about this many bookings a day (8 hours, ~3 an hour). */
const RIDES_PER_VEHICLE_DAY = 24;

export interface DatasetCounts {
  households: number;
  vehicles: number;
  orders: number;
  lines: number;
  rides: number;
  alerts: number;
  reminders: number;
  charges: number;
}

export function buildDashboardDataset(
  sqlite: Sqlite,
  opts: { households: number; now: Date; seed?: number; hamlets?: number },
): DatasetCounts {
  const { households: HOUSEHOLDS, now } = opts;
  const rng = new Random(opts.seed ?? 42);
  const rand = () => rng.next();
  const HAMLETS = opts.hamlets ?? 8;
  const first = tokyoDate(new Date(now.getTime() - 365 * DAY_MS));
  const ridesPerDay = (Math.ceil(HOUSEHOLDS / 5) * 24) / 365;
  const counts: DatasetCounts = {
    households: 0,
    vehicles: Math.max(2, Math.ceil(ridesPerDay / RIDES_PER_VEHICLE_DAY)),
    orders: 0,
    lines: 0,
    rides: 0,
    alerts: 0,
    reminders: 0,
    charges: 0,
  };
  const vehicle = sqlite.prepare(`INSERT INTO vehicles (area_id, name, plate, seats, depot_lat, depot_lon,
     shift_start, shift_end) VALUES ((SELECT min(id) FROM areas), ?, ?, 4, 35.8, 138.1, '08:00', '18:00')`);
  const hh = sqlite.prepare(
    `INSERT INTO households (id, hamlet_id, name, address, lat, lon, cable_customer_no, shop_member_since, created_at)
     VALUES (?, ?, '世帯', '住所', 35.8, 138.1, ?, ?, ?)`,
  );
  const res = sqlite.prepare(`INSERT INTO residents (id, household_id, name, kana, birth_date, created_at)
     VALUES (?, ?, '住民', 'じゅうみん', '1940-01-01', ?)`);
  const order = sqlite.prepare(`INSERT INTO orders (household_id, hamlet_id, channel, idempotency_key, status,
     delivery_date, total_yen, weight_g, delivery_mode, delivery_mode_reason, created_at, updated_at)
     VALUES (?, ?, 'tv', ?, ?, ?, 2000, 1500, ?, ?, ?, ?)`);
  const line =
    sqlite.prepare(`INSERT INTO order_lines (order_id, product_id, seller_id, name, unit_price_yen, tax_rate,
     qty, weight_g, missing_qty) VALUES (?, 1, 1, '牛乳', 200, 8, ?, 1000, ?)`);
  const ride =
    sqlite.prepare(`INSERT INTO taxi_bookings (household_id, resident_id, rider_ids, passengers, channel,
     idempotency_key, service_date, time_kind, requested_time, pickup_label, pickup_lat, pickup_lon, dropoff_label,
     dropoff_lat, dropoff_lon, vehicle_id, pickup_from, pickup_to, expected_arrival, latest_arrival,
     planned_pickup_at, planned_dropoff_at, direct_minutes, fares, status, created_at, picked_up_at, dropped_off_at)
     VALUES (?, ?, '[]', ?, 'tv', ?, ?, 'leave_after', '09:00', '自宅', ?, 138.1, '病院', 35.9, 138.12, ?,
       ?, ?, ?, ?, ?, ?, 12, '{}', 'arrived', ?, ?, ?)`);
  const alert =
    sqlite.prepare(`INSERT INTO watch_alerts (resident_id, condition, reason_code, reason_ja, opened_at,
     step_at, acknowledged_at, closed_at, close_reason) VALUES (?, 'no_activity', 'x', 'x', ?, ?, ?, ?, 'recovered')`);
  const reminder =
    sqlite.prepare(`INSERT INTO watch_reminders (id, resident_id, text, recurrence, time, start_date,
     created_at) VALUES (?, ?, 'お薬', 'daily', '08:00', ?, ?)`);
  const occurrence = sqlite.prepare(`INSERT INTO watch_reminder_occurrences (reminder_id, resident_id, due_at,
     confirmed_at) VALUES (?, ?, ?, ?)`);
  const charge = sqlite.prepare(`INSERT INTO charges (household_id, kind, source_key, description, amount_yen,
     tax_rate, seller_id, occurred_at, month, created_at) VALUES (?, ?, ?, 'x', ?, 8, ?, ?, ?, ?)`);
  const BASE = 1000;
  sqlite.transaction(() => {
    const fleet: number[] = [];
    for (let v = 0; v < counts.vehicles; v++)
      fleet.push(Number(vehicle.run(`車両${v + 1}`, `bench-${v + 1}`).lastInsertRowid));
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const id = BASE + i;
      const hamlet = 1 + (i % HAMLETS);
      const created = now.getTime() - Math.floor(rand() * 400) * DAY_MS;
      const createdDate = tokyoDate(new Date(created));
      hh.run(
        id,
        hamlet,
        `B${id}`,
        rand() < 0.6 ? (createdDate > first ? createdDate : first) : null,
        created,
      );
      res.run(id, id, created);
      counts.households++;
      if (i % 10 < 6)
        for (let m = 0; m < 12; m++) {
          const date = addDays(first, m * 30 + Math.floor(rand() * 30));
          const at = fromTokyo(date, '09:00').getTime();
          const car = rand() < 0.2;
          const { lastInsertRowid } = order.run(
            id,
            hamlet,
            `o${id}-${m}`,
            rand() < 0.03 ? 'cancelled' : 'delivered',
            date,
            car ? 'car' : 'drone',
            car ? (rand() < 0.5 ? '強風のため' : '重量が5kgを超えるため') : null,
            at,
            at,
          );
          line.run(lastInsertRowid, 1 + Math.floor(rand() * 3), 0);
          line.run(lastInsertRowid, 1, rand() < 0.05 ? 1 : 0);
          charge.run(id, 'goods', `g${lastInsertRowid}`, 2000, 1, at, date.slice(0, 7), at);
          counts.orders++;
          counts.lines += 2;
          counts.charges++;
        }
      if (i % 5 === 0)
        for (let r = 0; r < 24; r++) {
          const date = addDays(first, r * 15 + Math.floor(rand() * 15));
          const pick = fromTokyo(date, '09:00').getTime() + Math.floor(rand() * 32) * 15 * 60_000;
          const drop = pick + 25 * 60_000;
          ride.run(
            id,
            id,
            1 + Math.floor(rand() * 2),
            `r${id}-${r}`,
            date,
            35.8 + rand() * 0.05,
            fleet[Math.floor(rand() * fleet.length)]!,
            pick,
            pick,
            drop,
            drop,
            pick,
            drop,
            pick,
            pick,
            drop,
          );
          counts.rides++;
        }
      for (let m = 0; m < 12; m++) {
        const at = now.getTime() - (m * 30 + 1) * DAY_MS;
        charge.run(id, 'membership', `m${id}-${m}`, 550, null, at, tokyoDate(new Date(at)).slice(0, 7), at);
        counts.charges++;
      }
      if (i % 4 === 0)
        for (let a = 0; a < 4; a++) {
          const at = now.getTime() - Math.floor(rand() * 365 * DAY_MS);
          alert.run(id, at, at, rand() < 0.9 ? at + Math.floor(rand() * 120) * 60_000 : null, at + DAY_MS);
          counts.alerts++;
        }
      if (i % 20 === 0) {
        reminder.run(id, id, first, now.getTime());
        for (let d = 0; d < 365; d++) {
          const due = fromTokyo(addDays(first, d), '08:00').getTime();
          if (due > now.getTime()) break;
          occurrence.run(id, id, due, rand() < 0.85 ? due + 5 * 60_000 : null);
          counts.reminders++;
        }
      }
    }
  })();
  sqlite.pragma('optimize');
  return counts;
}
