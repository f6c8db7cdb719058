/**
 * Cost of one GTFS-Flex feed as the public route builds it (read, build, zip) on the seeded demo
 * database in memory, and its size.   npm run bench:gtfs-flex [-- --runs 200]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDb } from '../db/src';
import { testConfig } from '../server/src/config';
import { seedDemo } from '../server/src/demo/seed-demo';
import { exportGtfsFlex } from '../server/src/taxi/gtfs-flex';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const runs = Number(values.runs);
const now = new Date('2026-11-23T00:00:00Z');
const { db, sqlite } = openDb(':memory:');
await seedDemo(db, now);
const config = testConfig();
for (let i = 0; i < 20; i++) await exportGtfsFlex(db, now, config);
const ms: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  bytes = (await exportGtfsFlex(db, now, config)).length;
  ms.push(performance.now() - t);
}
ms.sort((a, b) => a - b);
const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(2);
console.log(
  `gtfs-flex feed: ${runs} runs, median ${at(0.5)} ms, p95 ${at(0.95)} ms, ${bytes} bytes zipped (load ${loadavg()[0]!.toFixed(2)})`,
);
sqlite.close();
