import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { addDays, tokyoDate } from '../lib/tokyo';
import { seedHistory, type HistorySummary } from './seed-history';

// Thursday 3 December 2026, 10:00 in Tokyo: November is the last full month.
const NOW = new Date('2026-12-03T10:00:00+09:00');
const TODAY = tokyoDate(NOW);

type Sqlite = TestContext['sqlite'];

const tablesOf = (sqlite: Sqlite) =>
  sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all()
    .map((t) => t.name);

/** One hash per table over every row, in key order, so any difference in any byte shows. */
function tableHashes(sqlite: Sqlite): Record<string, string> {
  return Object.fromEntries(
    tablesOf(sqlite).map((name) => {
      const rows = sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .raw()
        .all()
        .map((r) => JSON.stringify(r, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
        .sort();
      return [name, createHash('sha256').update(rows.join('\n')).digest('hex')];
    }),
  );
}

const one = <T>(sqlite: Sqlite, sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;

let a: TestContext;
let b: TestContext;
let summary: HistorySummary;

beforeAll(async () => {
  a = await createTestContext({ now: NOW, seed: true });
  summary = await seedHistory(a.db, a.sqlite, NOW, { weeks: 8 });
  b = await createTestContext({ now: NOW, seed: true });
  await seedHistory(b.db, b.sqlite, NOW, { weeks: 8 });
}, 300_000);
afterAll(() => {
  a?.close();
  b?.close();
});

describe('demo history', () => {
  it('enrols households over the weeks, and nobody orders or rides before joining', () => {
    const first = addDays(TODAY, -56);
    const dates = (
      a.sqlite.prepare("SELECT date(created_at / 1000 + 32400, 'unixepoch') AS d FROM households").all() as {
        d: string;
      }[]
    ).map((r) => r.d);
    expect(dates.filter((d) => d < first).length).toBeGreaterThan(5);
    expect(new Set(dates.filter((d) => d >= first && d < TODAY)).size).toBeGreaterThan(3);
    const early = one<{ n: number }>(
      a.sqlite,
      `SELECT (SELECT count(*) FROM orders o JOIN households h ON h.id = o.household_id WHERE o.created_at < h.created_at)
            + (SELECT count(*) FROM taxi_bookings b JOIN households h ON h.id = b.household_id WHERE b.created_at < h.created_at) AS n`,
    );
    expect(early.n).toBe(0);
  });

  it('is deterministic: two seeds at the same instant write identical tables', () => {
    const ha = tableHashes(a.sqlite);
    expect(Object.keys(ha).length).toBeGreaterThan(40);
    expect(tableHashes(b.sqlite)).toEqual(ha);
  });

  it('covers eight weeks of orders delivered by drone and by car, with the reasons', () => {
    expect(summary.days).toBe(56);
    const days = one<{ n: number; first: string }>(
      a.sqlite,
      "SELECT count(DISTINCT delivery_date) AS n, min(delivery_date) AS first FROM orders WHERE status = 'delivered'",
    );
    expect(days.n).toBeGreaterThanOrEqual(35);
    expect(days.first <= addDays(TODAY, -50)).toBe(true);
    const modes = a.sqlite
      .prepare(
        "SELECT delivery_mode AS mode, delivery_mode_reason AS reason, count(*) AS n FROM orders WHERE status = 'delivered' GROUP BY 1, 2",
      )
      .all() as { mode: string; reason: string | null; n: number }[];
    expect(modes.find((m) => m.mode === 'drone')?.n).toBeGreaterThan(50);
    const reasons = modes.filter((m) => m.mode === 'car').map((m) => m.reason ?? '');
    expect(reasons.some((r) => r.includes('雨'))).toBe(true);
    expect(reasons.some((r) => r.includes('風'))).toBe(true);
    expect(reasons.some((r) => r.includes('5kg'))).toBe(true);
    // Missing items, a trail of every status, drone logs, inspections and handovers at the halls.
    expect(
      one<{ n: number }>(a.sqlite, 'SELECT count(*) AS n FROM order_lines WHERE missing_qty > 0').n,
    ).toBeGreaterThan(0);
    expect(
      one<{ n: number }>(
        a.sqlite,
        "SELECT count(DISTINCT order_id) AS n FROM order_events WHERE status = 'delivered'",
      ).n,
    ).toBe(one<{ n: number }>(a.sqlite, "SELECT count(*) AS n FROM orders WHERE status = 'delivered'").n);
    expect(
      one<{ n: number }>(a.sqlite, "SELECT count(*) AS n FROM drone_flights WHERE status = 'returned'").n,
    ).toBeGreaterThan(50);
    expect(one<{ n: number }>(a.sqlite, 'SELECT count(*) AS n FROM drone_flight_records').n).toBeGreaterThan(
      100,
    );
    expect(
      one<{ n: number }>(a.sqlite, 'SELECT count(*) AS n FROM drone_daily_inspections').n,
    ).toBeGreaterThan(50);
    const outcomes = a.sqlite.prepare('SELECT DISTINCT outcome FROM handovers ORDER BY 1').pluck().all();
    expect(outcomes).toEqual(['absent', 'concern', 'handed']);
  });

  it('has completed taxi rides, some of them shared, and a few no-shows', () => {
    expect(
      one<{ n: number }>(a.sqlite, "SELECT count(*) AS n FROM taxi_bookings WHERE status = 'arrived'").n,
    ).toBeGreaterThan(80);
    expect(
      one<{ n: number }>(a.sqlite, "SELECT count(*) AS n FROM taxi_bookings WHERE status = 'no_show'").n,
    ).toBeGreaterThan(0);
    // Shared: two households' riders in the same vehicle at the same time.
    const pooled = one<{ n: number }>(
      a.sqlite,
      `SELECT count(*) AS n FROM taxi_bookings x JOIN taxi_bookings y
         ON x.vehicle_id = y.vehicle_id AND x.service_date = y.service_date AND x.id < y.id
        AND x.household_id <> y.household_id AND x.status = 'arrived' AND y.status = 'arrived'
        AND x.pickup_from < y.expected_arrival AND y.pickup_from < x.expected_arrival`,
    );
    expect(pooled.n).toBeGreaterThan(0);
  });

  it('has presence on each of the last seven days with quiet nights, and answered alerts', () => {
    for (let k = 1; k <= 7; k++) {
      const day = addDays(TODAY, -k);
      const from = new Date(`${day}T00:00:00+09:00`).getTime() / 900_000;
      const slots = one<{ n: number; night: number }>(
        a.sqlite,
        `SELECT count(*) AS n, sum(CASE WHEN slot - ? < 20 THEN 1 ELSE 0 END) AS night
           FROM watch_presence WHERE slot >= ? AND slot < ?`,
        from,
        from,
        from + 96,
      );
      expect(slots.n, day).toBeGreaterThan(100);
      expect(slots.night, `${day} 00:00–05:00`).toBe(0);
    }
    const alerts = one<{ n: number; acked: number; closed: number }>(
      a.sqlite,
      'SELECT count(*) AS n, count(acknowledged_at) AS acked, count(closed_at) AS closed FROM watch_alerts',
    );
    expect(alerts.n).toBeGreaterThanOrEqual(8);
    expect(alerts.acked).toBe(alerts.n);
    expect(alerts.closed).toBe(alerts.n);
    const by = one<{ family: number; staff: number }>(
      a.sqlite,
      'SELECT count(token_id) AS family, count(staff_id) AS staff FROM watch_acks',
    );
    expect(by.family).toBeGreaterThan(0);
    expect(by.staff).toBeGreaterThan(0);
    const reminders = one<{ confirmed: number; missed: number }>(
      a.sqlite,
      'SELECT count(confirmed_at) AS confirmed, sum(confirmed_at IS NULL) AS missed FROM watch_reminder_occurrences',
    );
    expect(reminders.confirmed).toBeGreaterThan(100);
    expect(reminders.missed).toBeGreaterThan(0);
    // Everything in the outbox went out; nothing waits to be sent at the next start.
    const mail = one<{ n: number; daily: number; unsent: number }>(
      a.sqlite,
      "SELECT count(*) AS n, sum(dedupe_key LIKE 'watch:daily:%') AS daily, sum(state <> 'sent') AS unsent FROM mail_outbox",
    );
    expect(mail.daily).toBeGreaterThan(50);
    expect(mail.unsent).toBe(0);
  });

  it('closes November with the real close, and its statements are exactly the charges of the month', () => {
    expect(summary.closedMonths).toContain('2026-11');
    expect(summary.closedMonths.at(-1)).toBe('2026-11');
    const st = one<{ n: number; total: number }>(
      a.sqlite,
      "SELECT count(*) AS n, sum(amount_due) AS total FROM statements WHERE month = '2026-11'",
    );
    expect(st.n).toBeGreaterThan(10);
    const ledger = one<{ total: number }>(
      a.sqlite,
      "SELECT sum(amount_yen) AS total FROM charges WHERE month = '2026-11'",
    );
    expect(st.total).toBe(ledger.total);
    const perHousehold = a.sqlite
      .prepare(
        `SELECT s.household_id, s.amount_due, (SELECT coalesce(sum(amount_yen), 0) FROM charges c
            WHERE c.month = s.month AND c.household_id = s.household_id) AS ledger
           FROM statements s WHERE s.month = '2026-11'`,
      )
      .all() as { amount_due: number; ledger: number }[];
    for (const row of perHousehold) expect(row.amount_due).toBe(row.ledger);
    // October's households without a working mandate were not debited: November carries it over.
    expect(
      one<{ n: number }>(
        a.sqlite,
        "SELECT count(*) AS n FROM charges WHERE month = '2026-11' AND kind = 'carry_over'",
      ).n,
    ).toBeGreaterThan(0);
    const kinds = a.sqlite
      .prepare("SELECT DISTINCT kind FROM charges WHERE month = '2026-11' ORDER BY 1")
      .pluck()
      .all();
    expect(kinds).toEqual(expect.arrayContaining(['goods', 'ride']));
    const debit = one<{ n: number; total: number }>(
      a.sqlite,
      "SELECT record_count AS n, total_amount AS total FROM debit_batches WHERE month = '2026-11'",
    );
    expect(debit.n).toBeGreaterThan(10);
    expect(debit.total).toBeGreaterThan(0);
  });

  it('writes nothing in the future', () => {
    const nowMs = NOW.getTime();
    // Columns that name a future on purpose: link expiry, retry and check times, away periods.
    const future = /^(expires_at|next_attempt_at|next_check_at|until_at|valid_until)$/;
    // The plain demo stamps favourites a few ms after now to keep their order; that is not history.
    for (const table of tablesOf(a.sqlite).filter((t) => t !== 'favourites')) {
      const cols = (a.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      for (const col of cols.filter((c) => /_at$/.test(c) && !future.test(c))) {
        const max = one<{ m: number | null }>(a.sqlite, `SELECT max("${col}") AS m FROM "${table}"`).m;
        if (max !== null) expect(max, `${table}.${col}`).toBeLessThanOrEqual(nowMs);
      }
      for (const col of cols.filter((c) => c === 'delivery_date' || c === 'service_date')) {
        const max = one<{ m: string | null }>(a.sqlite, `SELECT max("${col}") AS m FROM "${table}"`).m;
        if (max !== null) expect(max <= TODAY, `${table}.${col}`).toBe(true);
      }
    }
  });

  it('stays out of the plain demo that the API tests seed', async () => {
    const ctx = await createTestContext({ now: NOW, seed: true });
    try {
      const counts = Object.fromEntries(Object.entries(tableCounts(ctx)).filter(([, n]) => n > 0));
      expect(counts).toEqual({
        areas: 1,
        audit_log: 35,
        family_contacts: 39,
        hamlets: 8,
        households: 24,
        municipalities: 1,
        residents: 31,
        set_top_boxes: 24,
        staff_users: 11,
        categories: 20,
        favourites: 4,
        products: 323,
        sellers: 2,
        drone_ports: 1,
        drones: 2,
        places: 24,
        vehicles: 3,
        bank_accounts: 23,
        drone_route_waypoints: 16,
        drone_routes: 8,
        driver_vehicles: 3,
        taxi_favourites: 6,
        watch_reminders: 3,
        watch_settings: 27,
        watch_state: 27,
      });
    } finally {
      ctx.close();
    }
  });
});
