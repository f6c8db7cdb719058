/**
 * `npm run bench:console`: the console figures in one run.
 *
 * 1. The city dashboard over a database of 100,000 households with a year of history
 *    (scripts/lib/dashboard-dataset.ts: orders with lines, rides on a fleet sized like a real one,
 *    alerts, reminders, charges), its daily summary built by the real job function, then requests
 *    of the page through the real app (`app.request`: session cookie, role check, every figure —
 *    past days from the summary, today computed live — and the HTML) per view: week, month, and
 *    one hamlet. The first request of each view is printed as cold; the percentiles are warm.
 * 2. 200 live boards receiving ride events over SSE while heartbeats are ingested
 *    (scripts/lib/live-boards.ts, also `bench:live`).
 *
 * Usage: npm run bench:console [-- --households 100000 --requests 30 --boards 200]
 * The machine is shared (2 cores, several sessions): figures are noisy.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDb } from '../db/src';
import { DEMO_PASSWORD } from '../db/src/seed';
import { seedDemo } from '../server/src/demo/seed-demo';
import { createApp } from '../server/src/app';
import { testConfig } from '../server/src/config';
import { refreshSummary } from '../server/src/dashboard/summary';
import { ManualClock } from '../server/src/lib/clock';
import { createLogger } from '../server/src/lib/logger';
import { buildDashboardDataset } from './lib/dashboard-dataset';
import { measureLiveBoards } from './lib/live-boards';

const { values: args } = parseArgs({
  options: {
    households: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '30' },
    boards: { type: 'string', default: '200' },
  },
});
const HOUSEHOLDS = Number(args.households);
const REQUESTS = Number(args.requests);
const BOARDS = Number(args.boards);
// Monday 09:00 in Tokyo: the current week has just begun, today already has rows.
const NOW = new Date('2026-11-23T00:00:00Z');

const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function measureDashboard(): Promise<number> {
  const clock = new ManualClock(NOW);
  const { db, sqlite } = openDb(':memory:');
  await seedDemo(db, NOW);
  const app = createApp({ db, clock, config: testConfig(), logger: createLogger('silent') });

  let t0 = performance.now();
  const counts = buildDashboardDataset(sqlite, { households: HOUSEHOLDS, now: NOW });
  console.log(`dataset built in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, JSON.stringify(counts));
  t0 = performance.now();
  const summary = await refreshSummary(db, NOW);
  console.log(
    `daily summary (first run, every day before today, city + each hamlet): ${summary.rows} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  t0 = performance.now();
  await refreshSummary(db, NOW);
  console.log(
    `daily summary (a nightly run, last 35 days): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const login = await app.request('http://localhost/console/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: new URLSearchParams({ loginId: 'city', password: DEMO_PASSWORD }).toString(),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const all: number[] = [];
  console.log(`dashboard, ${REQUESTS} warm requests per view:`);
  for (const query of ['unit=week', 'unit=month', 'unit=month&hamlet=3']) {
    const times: number[] = [];
    // CPU time of this process per request: on a machine shared with other work, wall time
    // includes waiting for a core; the CPU time is what the request itself costs.
    const cpuTimes: number[] = [];
    let cold = 0;
    for (let i = 0; i <= REQUESTS; i++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const res = await app.request(`http://localhost/console/dashboard?${query}`, { headers: { cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      const used = process.cpuUsage(cpu);
      if (i === 0) cold = performance.now() - t;
      else {
        times.push(performance.now() - t);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    console.log(
      `  ${query.padEnd(20)} cold ${cold.toFixed(0)} ms, warm p50 ${p(times, 0.5).toFixed(0)} ms, p95 ${p(times, 0.95).toFixed(0)} ms (CPU p50 ${p(cpuTimes, 0.5).toFixed(0)} ms, p95 ${p(cpuTimes, 0.95).toFixed(0)} ms), load ${loadavg()[0]!.toFixed(1)}`,
    );
    all.push(...times);
  }
  sqlite.close();
  return p(
    all.sort((a, b) => a - b),
    0.95,
  );
}

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}; shared with other sessions, figures are noisy`,
);
const dashboardP95 = await measureDashboard();
console.log(`live: ${BOARDS} boards on /console/live, 50 ride events, 200 heartbeats/s`);
const live = await measureLiveBoards({ boards: BOARDS, events: 50, heartbeatsPerS: 200 });
console.log(
  `  received ${live.received}/${live.expected}; heartbeats ingested ${live.heartbeats} (${live.heartbeatErrors} errors); p50 ${live.p50.toFixed(1)} ms`,
);
console.log(
  `console: dashboard p95 ${dashboardP95.toFixed(0)} ms, live p99 ${live.p99.toFixed(0)} ms with ${BOARDS} boards`,
);
process.exit(live.received === live.expected ? 0 : 1);
