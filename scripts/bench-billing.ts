/**
 * Benchmark: close a month for 100,000 households with 2,000,000 charges, then write the Zengin
 * debit file (and, with --csv, the cable operator's CSV). Goal: close ≤ 30 s with bounded memory.
 * Usage: npm run bench:billing [-- --households 100000 --charges 2000000 --csv]
 * The machine is shared (2 cores): figures are noisy.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '../db/src';
import { DEFAULT_BILLING_SETTINGS } from '../server/src/billing/billing-settings';
import { closeMonth } from '../server/src/billing/close-month';
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
  },
});
const HOUSEHOLDS = Number(values.households);
const CHARGES = Number(values.charges);
const MONTH = '2026-10';
const outDir = values.out!;
mkdirSync(outDir, { recursive: true });
const dbPath = join(outDir, 'billing-bench.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });

const { sqlite } = openDb(dbPath);

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
const setupS = (performance.now() - t0) / 1000;
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
console.log(
  `setup: ${HOUSEHOLDS} households, ${others} goods/ride charges in ${setupS.toFixed(1)} s (peak RSS so far ${peakMb()} MB)`,
);

// ---- timed: close + debit file + cable CSV ---------------------------------------------------------
const now = new Date('2026-10-31T15:30:00Z'); // 1 Nov 00:30 Tokyo
const cpu1 = process.cpuUsage();
const t1 = performance.now();
const result = closeMonth(sqlite, MONTH, now, DEFAULT_BILLING_SETTINGS);
const closeS = (performance.now() - t1) / 1000;
// CPU time is far less sensitive than wall time to other processes sharing the 2 cores.
const closeCpu = process.cpuUsage(cpu1);
const closeCpuS = (closeCpu.user + closeCpu.system) / 1e6;
const peakAfterClose = peakMb();
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
  `billing: close ${HOUSEHOLDS} households/${result.ledgerCount} charges ${closeS.toFixed(2)} s, peak RSS ${peakMb()} MB`,
);
