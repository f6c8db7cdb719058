/**
 * Benchmark: the city dashboard over a database of 100,000 households with a year of history
 * (orders with lines, shared-taxi rides, watch alerts, reminders, charges), written
 * directly with prepared inserts in one transaction. Then N requests of the dashboard page through
 * the real app (`app.request`: session cookie, role check, every figure, the HTML), per unit.
 * Usage: npm run bench:console [-- --households 100000 --requests 30]
 * The last line is the figure; the live-board half (SSE) is measured by a later step and
 * joins it through `measureLive` below.
 * The machine is shared (2 cores): figures are noisy.
 */
import { parseArgs } from 'node:util';
import { openDb } from '../db/src';
import { DEMO_PASSWORD } from '../db/src/seed';
import { seedDemo } from '../server/src/demo/seed-demo';
import { createApp } from '../server/src/app';
import { testConfig } from '../server/src/config';
import { ManualClock } from '../server/src/lib/clock';
import { createLogger } from '../server/src/lib/logger';
import { addDays, fromTokyo, tokyoDate } from '../server/src/lib/tokyo';

const { values: args } = parseArgs({
  options: { households: { type: 'string', default: '100000' }, requests: { type: 'string', default: '30' } },
});
const HOUSEHOLDS = Number(args.households);
const REQUESTS = Number(args.requests);
const NOW = new Date('2026-11-23T00:00:00Z');
const DAY_MS = 86_400_000;

/** Deterministic, so two runs build the same database. */
let state = 42;
const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;

const clock = new ManualClock(NOW);
const { db, sqlite } = openDb(':memory:');
seedDemo(db, NOW);
const deps = { db, sqlite, clock, config: testConfig(), logger: createLogger('silent') };
const app = createApp(deps);

function build() {
  const t0 = performance.now();
  const first = tokyoDate(new Date(NOW.getTime() - 365 * DAY_MS));
  const counts = {
    households: 0,
    orders: 0,
    lines: 0,
    rides: 0,
    alerts: 0,
    reminders: 0,
    charges: 0,
    debits: 0,
  };
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
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const id = BASE + i;
      const hamlet = 1 + (i % 8);
      const created = NOW.getTime() - Math.floor(rand() * 400) * DAY_MS;
      hh.run(id, hamlet, `B${id}`, rand() < 0.6 ? first : null, created);
      res.run(id, id, created);
      counts.households++;
      // About one order a month from six households in ten, two lines each.
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
      // One household in five rides twice a month.
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
            1 + Math.floor(rand() * 3),
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
      // Membership every month.
      for (let m = 0; m < 12; m++) {
        const at = NOW.getTime() - (m * 30 + 1) * DAY_MS;
        charge.run(id, 'membership', `m${id}-${m}`, 550, null, at, tokyoDate(new Date(at)).slice(0, 7), at);
        counts.charges++;
      }
      // A watched resident in four: an alert a quarter, a daily reminder for one in twenty.
      if (i % 4 === 0)
        for (let a = 0; a < 4; a++) {
          const at = NOW.getTime() - Math.floor(rand() * 365 * DAY_MS);
          alert.run(id, at, at, rand() < 0.9 ? at + Math.floor(rand() * 120) * 60_000 : null, at + DAY_MS);
          counts.alerts++;
        }
      if (i % 20 === 0) {
        reminder.run(id, id, first, NOW.getTime());
        for (let d = 0; d < 365; d++) {
          const due = fromTokyo(addDays(first, d), '08:00').getTime();
          if (due > NOW.getTime()) break;
          occurrence.run(id, id, due, rand() < 0.85 ? due + 5 * 60_000 : null);
          counts.reminders++;
        }
      }
    }
  })();
  sqlite.pragma('optimize');
  return { counts, seconds: (performance.now() - t0) / 1000 };
}

const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function measureDashboard(): Promise<number> {
  const login = await app.request('http://localhost/console/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams({ loginId: 'city', password: DEMO_PASSWORD }).toString(),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const all: number[] = [];
  for (const query of ['unit=week', 'unit=month', 'unit=month&hamlet=3']) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS + 2; i++) {
      const t0 = performance.now();
      const res = await app.request(`http://localhost/console/dashboard?${query}`, { headers: { cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      // The first two warm the statement cache and the page; they are not counted.
      if (i >= 2) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${query.padEnd(20)} p50 ${p(times, 0.5).toFixed(0)} ms, p95 ${p(times, 0.95).toFixed(0)} ms`,
    );
    all.push(...times);
  }
  return p(
    all.sort((a, b) => a - b),
    0.95,
  );
}

const built = build();
console.log(`built in ${built.seconds.toFixed(1)} s:`, JSON.stringify(built.counts));
console.log(`dashboard, ${REQUESTS} requests per view:`);
const dashboardP95 = await measureDashboard();
console.log(`console: dashboard p95 ${dashboardP95.toFixed(0)} ms`);
