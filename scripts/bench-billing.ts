/**
 * Benchmark: close a month for 100,000 households with 2,000,000 charges, then write the Zengin
 * debit file (and, with --csv, the cable operator's CSV). Goal: close ≤ 30 s with bounded memory,
 * and heartbeats served during the close: their p99 within 2× of the p99 without a close. The
 * heartbeats are real HTTP requests to the app (POST /api/watch/activity with box tokens), sent
 * from a worker thread so the client's timing does not share the server's event loop.
 * Usage: npm run bench:billing [-- --households 100000 --charges 2000000 --csv --batch 100]
 * The machine is shared (2 cores): figures are noisy.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDb } from '../db/src';
import { createApp } from '../server/src/app';
import { DEFAULT_BILLING_SETTINGS } from '../server/src/billing/billing-settings';
import { CLOSE_BATCH_MS, closeMonth } from '../server/src/billing/close-month';
import { testConfig } from '../server/src/config';
import { systemClock } from '../server/src/lib/clock';
import { sha256 } from '../server/src/lib/crypto';
import { createLogger } from '../server/src/lib/logger';
import { exportDebitBatch } from '../server/src/billing/export-debit-batch';
import { writeCableCsv } from '../server/src/billing/write-cable-csv';
import { fromTokyo } from '../server/src/lib/tokyo';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '100000' },
    charges: { type: 'string', default: '2000000' },
    out: { type: 'string', default: 'bench-out' },
    /** Also write the cable operator's CSV (not part of the close goal). */
    csv: { type: 'boolean', default: false },
    /** Time budget of one close transaction in ms ('inf': the whole close in one transaction). */
    'batch-ms': { type: 'string', default: String(CLOSE_BATCH_MS) },
    /** Seconds of heartbeats without a close, for the baseline. */
    baseline: { type: 'string', default: '8' },
  },
});
const BATCH_MS = values['batch-ms'] === 'inf' ? Infinity : Number(values['batch-ms']);
const BOXES = 200;
const HOUSEHOLDS = Number(values.households);
const CHARGES = Number(values.charges);
const MONTH = '2026-10';
const outDir = values.out!;
mkdirSync(outDir, { recursive: true });
const dbPath = join(outDir, 'billing-bench.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

const { db, sqlite } = openDb(dbPath);

// ---- data set (not timed) -------------------------------------------------------------------
const t0 = performance.now();
const monthStart = fromTokyo(`${MONTH}-01`).getTime();
const created = monthStart;
sqlite.transaction(() => {
  sqlite.prepare(`INSERT INTO municipalities (id, name, code) VALUES (1, '伊那市', '202096')`).run();
  sqlite.prepare(`INSERT INTO areas (id, municipality_id, name) VALUES (1, 1, '長谷')`).run();
  sqlite
    .prepare(
      `INSERT INTO hamlets (id, area_id, name, kana, lat, lon, hall_name, hall_lat, hall_lon)
       VALUES (1, 1, '中尾', 'なかお', 35.8, 138.1, '中尾公民館', 35.8, 138.1)`,
    )
    .run();
  const seller = sqlite.prepare(`INSERT INTO sellers (id, name, kind, commission_bp) VALUES (?, ?, ?, 1000)`);
  seller.run(1, 'ニシザワ高遠食彩館', 'supermarket');
  seller.run(2, '高遠薬局', 'drugstore');
  seller.run(3, '長谷花店', 'florist');
  const hh = sqlite.prepare(
    `INSERT INTO households (id, hamlet_id, name, address, lat, lon, cable_customer_no, shop_member_since, created_at)
     VALUES (?, 1, ?, '伊那市長谷', 35.8, 138.1, ?, '2026-01-01', ?)`,
  );
  const bank = sqlite.prepare(
    `INSERT INTO bank_accounts (household_id, bank_code, bank_name, branch_code, branch_name, account_type, account_number,
       holder_kana, mandate_status, mandate_since, next_new_code, updated_at)
     VALUES (?, '0143', 'ﾊﾁｼﾞﾕｳﾆ', '150', 'ｲﾅ', 1, ?, ?, 'active', '2026-01-01', 0, ?)`,
  );
  for (let h = 1; h <= HOUSEHOLDS; h++) {
    hh.run(h, `世帯${h}`, String(1000000 + h), created);
    bank.run(h, String(h).padStart(7, '0'), `ﾃｽﾄ ﾀﾛｳ${h % 10}`, created);
  }
})();
// Membership fees are written by the close itself (one per household); the rest are goods and rides.
const others = CHARGES - HOUSEHOLDS;
const insert = sqlite.prepare(
  `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, seller_id, order_id, occurred_at, month, created_at)
   VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
);
// Build the charges indexes after the bulk insert (a sort instead of 2M random index inserts);
// they come back with exactly the definitions the migrations gave them.
const indexSql = sqlite
  .prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'charges' AND sql IS NOT NULL",
  )
  .all();
for (const ix of indexSql) sqlite.exec(`DROP INDEX "${ix.name}"`);
const BATCH = 100_000;
for (let start = 0; start < others; start += BATCH) {
  sqlite.transaction(() => {
    for (let i = start; i < Math.min(start + BATCH, others); i++) {
      const h = (i % HOUSEHOLDS) + 1;
      const at = monthStart + ((i * 7919) % (30 * 86_400_000));
      if (i % 10 === 9) {
        insert.run(h, 'ride', `bench:ride:${i}`, '乗合タクシー', 500, 10, null, null, at, MONTH, at);
      } else {
        const seller = (i % 7) + 1 <= 5 ? 1 : (i % 7) - 3; // mostly the supermarket
        const rate = seller === 1 && i % 5 !== 0 ? 8 : 10;
        const price = 98 + ((i * 37) % 900);
        const order = Math.floor(i / (HOUSEHOLDS * 3));
        insert.run(h, 'goods', `bench:line:${i}`, '商品', price, rate, seller, h * 10 + order, at, MONTH, at);
      }
    }
  })();
}
for (const ix of indexSql) sqlite.exec(ix.sql);
const box = sqlite.prepare(
  'INSERT INTO set_top_boxes (device_id, token_hash, household_id, created_at) VALUES (?,?,?,?)',
);
sqlite.transaction(() => {
  for (let b = 1; b <= BOXES; b++) box.run(`bench-box-${b}`, sha256(`bench-box-token-${b}`), b, created);
})();
const setupS = (performance.now() - t0) / 1000;
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
console.log(
  `setup: ${HOUSEHOLDS} households, ${others} goods/ride charges in ${setupS.toFixed(1)} s (peak RSS so far ${peakMb()} MB)`,
);

// ---- heartbeats: the app on a real port, a client in a worker thread ----------------------------
const app = createApp({
  db,
  clock: systemClock,
  config: testConfig(),
  logger: createLogger('silent'),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// Four clients in a loop, each heartbeat from the next box, one in flight per client.
const clientCode = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const latencies = [];
parentPort.on('message', () => { running = false; });
async function client(k) {
  let n = k;
  while (running) {
    const box = (n++ % workerData.boxes) + 1;
    const t = performance.now();
    const res = await fetch(workerData.url + '/api/watch/activity', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-box-token-' + box },
      body: '{"kind":"heartbeat"}',
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('heartbeat answered ' + res.status);
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 5));
  }
}
Promise.all([0, 1, 2, 3].map(client)).then(() => parentPort.postMessage(latencies));
`;
function heartbeats() {
  const worker = new Worker(clientCode, { eval: true, workerData: { url: baseUrl, boxes: BOXES } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const latencies = await done;
      await worker.terminate();
      return latencies;
    },
  };
}
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const describe = (xs: number[]) =>
  `${xs.length} heartbeats, p50 ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

const idle = heartbeats();
await new Promise((r) => setTimeout(r, Number(values.baseline) * 1000));
const idleLatencies = await idle.stop();
console.log(`heartbeats without a close: ${describe(idleLatencies)}`);

// ---- timed: close + debit file + cable CSV ---------------------------------------------------------
const now = new Date('2026-10-31T15:30:00Z'); // 1 Nov 00:30 Tokyo
const during = heartbeats();
const cpu1 = process.cpuUsage();
const t1 = performance.now();
const result = await closeMonth(db, MONTH, now, DEFAULT_BILLING_SETTINGS, {
  batchMs: BATCH_MS,
});
const closeS = (performance.now() - t1) / 1000;
// CPU time is far less sensitive than wall time to other processes sharing the 2 cores.
const closeCpu = process.cpuUsage(cpu1);
const closeCpuS = (closeCpu.user + closeCpu.system) / 1e6;
const peakAfterClose = peakMb();
const duringLatencies = await during.stop();
const ratio = quantile(duringLatencies, 0.99) / quantile(idleLatencies, 0.99);
console.log(`heartbeats during the close: ${describe(duringLatencies)}`);
console.log(
  `heartbeat p99 during the close / without: ${ratio.toFixed(2)}× (goal ≤ 2×) ${ratio <= 2 ? 'OK' : 'FAIL'}, close transactions of ${BATCH_MS} ms`,
);
server.close();
for (const line of result.report) console.log(line);
const cpu2 = process.cpuUsage();
const t2 = performance.now();
const batch = exportDebitBatch(sqlite, MONTH, now, DEFAULT_BILLING_SETTINGS);
writeFileSync(join(outDir, `debit-${MONTH}.txt`), batch.file);
const exportS = (performance.now() - t2) / 1000;
const exportCpu = process.cpuUsage(cpu2);
const exportCpuS = (exportCpu.user + exportCpu.system) / 1e6;
console.log(
  `close: ${closeS.toFixed(2)} s wall, ${closeCpuS.toFixed(2)} s CPU, peak RSS ${peakAfterClose} MB (${result.statementCount} statements, ${result.settlementCount} settlements)`,
);
console.log(
  `debit file: ${exportS.toFixed(2)} s wall, ${exportCpuS.toFixed(2)} s CPU (${batch.recordCount} records, ${batch.file.length} bytes)`,
);
console.log(
  `load average while running: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores`,
);
if (values.csv) {
  const t3 = performance.now();
  const csvRows = writeCableCsv(sqlite, MONTH, join(outDir, `cable-${MONTH}.csv`));
  console.log(`cable CSV: ${((performance.now() - t3) / 1000).toFixed(2)} s (${csvRows} rows)`);
}
sqlite.close();
console.log(
  `billing: close ${HOUSEHOLDS} households/${result.ledgerCount} charges ${closeS.toFixed(2)} s, peak RSS ${peakMb()} MB, heartbeat p99 ${quantile(idleLatencies, 0.99).toFixed(1)} ms without / ${quantile(duringLatencies, 0.99).toFixed(1)} ms during the close (${ratio.toFixed(2)}×)`,
);
