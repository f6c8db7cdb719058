/**
 * Benchmark: heartbeat ingest (POST /api/watch/activity) over loopback, the real app
 * (device-token auth + zod validation, as in production) against a bare `node:http` +
 * better-sqlite3 endpoint doing the same auth lookup and inserts, measured in the same run; then
 * the pure detector over 100,000 residents, and the real detection job (runWatchPass) over a
 * database of 100,000 watched residents: its worst pass is the "scan" figure of the last line.
 * Usage: npm run bench:watch [-- --connections 10 --duration 5 --rounds 3]
 * 10 connections is autocannon's own default; a box sends a heartbeat every few minutes, so even
 * 100,000 boxes offer only ~500 requests/s and the real concurrency is far lower. `--connections 50`
 * shows the saturated tail (docs/watching.md has both).
 * Servers run in child processes. The machine is shared (2 cores): figures are noisy.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serve } from '@hono/node-server';
import { openDb } from '../db/src';
import { demoBoxToken } from '../db/src/seed';
import { seedDemo } from '../server/src/demo/seed-demo';
import { residents, staffUsers } from '../db/src/schema';
import { createApp } from '../server/src/app';
import { testConfig } from '../server/src/config';
import { ManualClock } from '../server/src/lib/clock';
import { sha256 } from '../server/src/lib/crypto';
import { createLogger } from '../server/src/lib/logger';
import { enrollResident } from '../server/src/watch/enroll-resident';
import { recordTvActivity } from '../server/src/watch/record-activity';
import { learnRhythms } from '../server/src/watch/learn-rhythms';
import { encodeMasks } from '../server/src/watch/rhythm-codec';
import { runWatchPass } from '../server/src/watch/run-watch-pass';
import { checkPlatformSilence, notePlatformPulse } from '../server/src/watch/platform-silence';
import { decideWatchStep } from '../server/src/watch/detector/decide-watch-step';
import { emptyRhythm, markSignOfLife } from '../server/src/watch/detector/rhythm';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TUNING,
  type WatchSettings,
  type WatchState,
} from '../server/src/watch/detector/types';
import { newWatchState, recordHeartbeat, recordLifeSignIn } from '../server/src/watch/detector/watch-state';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    bare: { type: 'boolean', default: false },
    'scan-only': { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
});

const NOW = '2026-11-24T00:00:00Z';

// Each timed pass starts from a collected heap, so it does not pay for the garbage the set-up (or
// the benchmark before it) left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function prepareDb(path: string) {
  const { db, sqlite } = openDb(path);
  const clock = new ManualClock(NOW);
  await seedDemo(db, clock.now());
  const staff = (await db.select().from(staffUsers).all()).find((s) => s.role === 'city_staff')!;
  for (const r of await db.select().from(residents).all())
    await enrollResident(db, { residentId: r.id }, staff.id, clock.now());
  return { db, sqlite, clock };
}

if (values.serve) {
  const { db, sqlite, clock } = await prepareDb(values.serve);
  const households = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM households').get()!.n;
  const ready = (port: number) => process.send!({ port, households });
  if (!values.bare) {
    const app = createApp({ db, clock, config: testConfig(), logger: createLogger('silent') });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    server.once('listening', () => ready((server.address() as { port: number }).port));
  } else {
    // The floor: the same token lookup and the same statements, with nothing around them.
    const box = sqlite.prepare<[string], { household_id: number }>(
      'SELECT household_id FROM set_top_boxes WHERE token_hash = ? AND revoked_at IS NULL',
    );
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const row = token ? box.get(sha256(token)) : undefined;
        let kind: unknown;
        try {
          kind = (JSON.parse(Buffer.concat(chunks).toString()) as { kind?: unknown }).kind;
        } catch {
          kind = undefined;
        }
        if (!row || (kind !== 'heartbeat' && kind !== 'keys')) {
          res.writeHead(400).end();
          return;
        }
        const n = recordTvActivity(sqlite, row.household_id, kind, clock.now());
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ recorded: n }));
      });
    });
    server.listen(0, '127.0.0.1', () => ready((server.address() as { port: number }).port));
  }
  process.on('disconnect', () => process.exit(0));
} else if (values['scan-only']) {
  const scan = scanResidents(100_000);
  const job = await dbPass(100_000);
  // Forked by the full run: the passes are measured in a fresh process, away from the load
  // generator's heap and JIT state.
  if (process.send) {
    process.send({ scan, job });
    process.disconnect();
    process.exit(0);
  }
  console.log(`detector pass: ${scan.residents} residents in ${scan.seconds.toFixed(3)} s`);
  console.log(
    `database job: first pass ${job.first.toFixed(2)} s, steady pass ${job.steady.toFixed(2)} s, ` +
      `30% TVs on ${job.busy.toFixed(2)} s, next hour ${job.hour.toFixed(2)} s; ` +
      `daily rhythm fold ${job.learned} residents ${job.learn.toFixed(2)} s`,
  );
} else {
  const autocannon = await loadAutocannon();
  const dir = mkdtempSync(join(tmpdir(), 'engawa-bench-watch-'));
  const measure = async (bare: boolean, round: number) => {
    const db = join(dir, `${bare ? 'bare' : 'app'}-${round}.db`);
    const args = ['--serve', db, ...(bare ? ['--bare'] : [])];
    const child = fork(process.argv[1]!, args, { execArgv: process.execArgv });
    const { port, households } = await new Promise<{ port: number; households: number }>((resolve) =>
      child.once('message', (m) => resolve(m as { port: number; households: number })),
    );
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/watch/activity`,
      connections: Number(values.connections),
      duration: Number(values.duration),
      // Fixed requests, built once: every household's box in turn, one in ten a key press.
      // (A per-request setupRequest made autocannon clone and rebuild each request, and the
      // client then took the CPU the servers under test should have had.)
      requests: Array.from({ length: households * 10 }, (_, i) => ({
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${demoBoxToken((i % households) + 1)}`,
        },
        body: JSON.stringify({ kind: Math.floor(i / households) === 0 ? 'keys' : 'heartbeat' }),
      })),
    });
    child.disconnect();
    if (result.errors || result.non2xx)
      throw new Error(`${bare ? 'bare' : 'app'}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    return result;
  };
  // Alternating rounds, medians reported: on two shared cores one run of each drifts by ±30 %.
  const rps = (r: AutocannonResult) => r.requests.total / r.duration;
  const runs: { bare: AutocannonResult[]; app: AutocannonResult[] } = { bare: [], app: [] };
  for (let round = 0; round < Number(values.rounds); round++) {
    runs.bare.push(await measure(true, round));
    runs.app.push(await measure(false, round));
    console.log(
      `round ${round + 1}: bare ${Math.round(rps(runs.bare[round]!))} req/s (p99 ${runs.bare[round]!.latency.p99} ms), ` +
        `app ${Math.round(rps(runs.app[round]!))} req/s (p99 ${runs.app[round]!.latency.p99} ms)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const bare = { rps: median(runs.bare.map(rps)), p99: median(runs.bare.map((r) => r.latency.p99)) };
  const app = { rps: median(runs.app.map(rps)), p99: median(runs.app.map((r) => r.latency.p99)) };
  console.log(`bare node:http + better-sqlite3: ${Math.round(bare.rps)} req/s, p99 ${bare.p99} ms (medians)`);
  console.log(`engawa app (Hono, auth, zod):    ${Math.round(app.rps)} req/s, p99 ${app.p99} ms (medians)`);

  const child = fork(process.argv[1]!, ['--scan-only'], { execArgv: process.execArgv });
  const { scan, job } = await new Promise<{
    scan: ReturnType<typeof scanResidents>;
    job: Awaited<ReturnType<typeof dbPass>>;
  }>((resolve) => child.once('message', (m) => resolve(m as never)));
  console.log(
    `detector alone (in memory): ${scan.residents} residents in ${scan.seconds.toFixed(3)} s (${scan.decisions} non-idle decisions)`,
  );
  console.log(
    `database job (runWatchPass): ${job.residents} residents, first pass ${job.first.toFixed(2)} s ` +
      `(every resident decided), steady pass ${job.steady.toFixed(2)} s, 30% TVs on ${job.busy.toFixed(2)} s, ` +
      `next hour ${job.hour.toFixed(2)} s; daily rhythm fold (job, batched) ${job.learned} residents ` +
      `${job.learn.toFixed(2)} s; platform pulse + silence check ${(job.platform * 1000).toFixed(0)} ms`,
  );
  console.log(
    `watch: ${Math.round(app.rps)} heartbeats/s, p99 ${app.p99} ms, scan 100000 residents ` +
      `${job.worst.toFixed(2)} s, ${Math.round((100 * app.rps) / bare.rps)}% of bare endpoint`,
  );
}

/** The real job over a database of n watched residents, each with a day of presence. */
async function dbPass(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'engawa-bench-watch-pass-'));
  const { db, sqlite } = openDb(join(dir, 'pass.db'));
  const clock = new ManualClock(NOW);
  await seedDemo(db, clock.now());
  const now = clock.now().getTime();
  const hamlet = sqlite.prepare<[], { id: number }>('SELECT id FROM hamlets LIMIT 1').get()!.id;
  const staff = (await db.select().from(staffUsers).all()).find((s) => s.role === 'city_staff')!.id;
  const insertHousehold = sqlite.prepare(
    "INSERT INTO households (hamlet_id, name, address, lat, lon, cable_customer_no, created_at) VALUES (?, 'b', 'b', 0, 0, ?, ?)",
  );
  const insertResident = sqlite.prepare(
    "INSERT INTO residents (household_id, name, kana, birth_date, created_at) VALUES (?, 'b', 'b', '1940-01-01', ?)",
  );
  const insertSettings = sqlite.prepare(
    'INSERT INTO watch_settings (resident_id, consent_at, consent_staff_id, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertState = sqlite.prepare('INSERT INTO watch_state (resident_id, last_sign_at) VALUES (?, ?)');
  const insertRhythm = sqlite.prepare(
    'INSERT INTO watch_rhythm (resident_id, day0, since, masks, learned_through_slot) VALUES (?, ?, ?, ?, ?)',
  );
  // 56 learned days, as after two months of watching, consistent with each resident's current
  // silence (so the pass finds the usual few concerns, not a broken rhythm for everyone): active
  // most days in the six hours up to the hour of their last sign, silent after it.
  const history = (i: number) => {
    const rhythm = emptyRhythm(now - 60 * 86_400_000, DEFAULT_TUNING.rhythmDays);
    const last = now - (i % 20) * 3_600_000;
    for (let d = 56; d >= 1; d--) {
      for (let h = 0; h < 6; h++) {
        if ((i + d + h) % 7 !== 0) markSignOfLife(rhythm, last - d * 86_400_000 - h * 3_600_000);
      }
    }
    return rhythm;
  };
  const insertPresence = sqlite.prepare(
    'INSERT INTO watch_presence (resident_id, slot, flags) VALUES (?, ?, 3)',
  );
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const h = insertHousehold.run(hamlet, `BENCH-${i}`, now).lastInsertRowid;
      const r = Number(insertResident.run(h, now).lastInsertRowid);
      insertSettings.run(r, now - 30 * 86_400_000, staff, now);
      insertState.run(r, now - (i % 20) * 3_600_000);
      const learnt = history(i);
      insertRhythm.run(r, learnt.day0, learnt.since, encodeMasks(learnt.masks), Math.floor(now / 900_000));
      for (let k = 0; k < 4; k++) insertPresence.run(r, Math.floor((now - k * 3 * 3_600_000) / 900_000));
    }
  })();
  collectGarbage();
  const t0 = performance.now();
  await runWatchPass(db, testConfig(), new Date(now));
  const first = (performance.now() - t0) / 1000;
  collectGarbage();
  const t1 = performance.now();
  await runWatchPass(db, testConfig(), new Date(now + 5 * 60_000));
  const steady = (performance.now() - t1) / 1000;
  // An evening: 30 % of the TVs on (a heartbeat each in the last 5 minutes), so those residents
  // are checked at every pass.
  const householdOf = sqlite.prepare<[number], { household_id: number }>(
    'SELECT household_id FROM residents WHERE id = ?',
  );
  const ids = sqlite.prepare<[], { id: number }>('SELECT resident_id AS id FROM watch_settings').all();
  for (let i = 0; i < ids.length; i += 10) {
    for (let k = 0; k < 3 && i + k < ids.length; k++) {
      const h = householdOf.get(ids[i + k]!.id)!.household_id;
      recordTvActivity(sqlite, h, 'heartbeat', new Date(now + 8 * 60_000));
    }
  }
  collectGarbage();
  const t2 = performance.now();
  await runWatchPass(db, testConfig(), new Date(now + 10 * 60_000));
  const busy = (performance.now() - t2) / 1000;
  // What watch.detect does before each pass: the platform pulse and the platform-silence check
  // (presence of the last half hour against the same slots over a week).
  // Listening without a gap for the last week, so the silence check runs.
  sqlite
    .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('watch.pulse', ?, ?)")
    .run(JSON.stringify({ at: now + 9 * 60_000, since: now - 8 * 86_400_000 }), now);
  collectGarbage();
  const tp = performance.now();
  await notePlatformPulse(db, testConfig(), new Date(now + 10 * 60_000));
  await checkPlatformSilence(db, testConfig(), new Date(now + 10 * 60_000));
  const platform = (performance.now() - tp) / 1000;
  // The first pass of the next hour (where the old job re-read everyone anyway).
  collectGarbage();
  const t3 = performance.now();
  await runWatchPass(db, testConfig(), new Date((Math.floor(now / 3_600_000) + 1) * 3_600_000));
  const hour = (performance.now() - t3) / 1000;
  // The daily job at 00:05 Tokyo: the day's presence of every resident folded into the rhythms
  // (in batches that yield to the event loop, so it is not a detection pass).
  collectGarbage();
  const t4 = performance.now();
  const learned = await learnRhythms(
    db,
    new Date((Math.floor((now + 9 * 3_600_000) / 86_400_000) + 1) * 86_400_000 - 9 * 3_600_000 + 5 * 60_000),
  );
  const learn = (performance.now() - t4) / 1000;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    residents: n,
    first,
    steady,
    busy,
    hour,
    learn,
    learned: learned.residents,
    platform,
    worst: Math.max(first, steady, busy, hour),
  };
}

/** 100,000 residents with 56 days of learned rhythm and varied silences; one pass, timed. */
function scanResidents(n: number) {
  const day = 86_400_000;
  const now = Date.UTC(2026, 10, 23, 3, 0);
  const start = now - 60 * day;
  const people: { s: WatchSettings; st: WatchState }[] = [];
  for (let i = 0; i < n; i++) {
    const st = newWatchState(start);
    // Every seventh resident has gone quiet for the last day and a half.
    const days = i % 7 === 0 ? 58 : 60;
    for (let d = 0; d < days; d++) {
      const base = start + d * day;
      if ((i + d) % 13 !== 0) recordLifeSignIn(st, 'keys', base + ((i % 5) + 7) * 3_600_000 - 9 * 3_600_000);
      recordLifeSignIn(st, 'keys', base + 19 * 3_600_000 - 9 * 3_600_000);
    }
    if (i % 3 === 0) recordHeartbeat(st, now - 60_000);
    people.push({ s: { ...DEFAULT_SETTINGS, enabledAt: start, contactCount: 2 }, st });
  }
  const t0 = performance.now();
  let decisions = 0;
  for (const p of people) if (decideWatchStep(p.s, p.st, now).kind !== 'none') decisions++;
  return { residents: n, seconds: (performance.now() - t0) / 1000, decisions };
}

interface AutocannonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  non2xx: number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: (AutocannonRequest & { method: string })[];
}) => Promise<AutocannonResult>;

/** autocannon ships no type declarations: this is the part of its API used here. */
async function loadAutocannon(): Promise<Autocannon> {
  const name = 'autocannon';
  return ((await import(name)) as { default: Autocannon }).default;
}
