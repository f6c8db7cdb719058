/**
 * Solves one static DARP instance (Cordeau format) and writes checker-compatible solution JSON.
 *   npm run darp -- <instance> --time-limit <s> --out <file> [--seed N] [--iterations N] [--workers 1|2]
 *   [--independent]  (workers do not share their best solution; for A/B comparisons)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDarpPool } from './lib/solve-darp-file.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'time-limit': { type: 'string', default: '10' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
    workers: { type: 'string', default: '2' },
    independent: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run darp -- <instance> --time-limit <s> --out <file> [--seed N]');
  process.exit(2);
}
const t0 = performance.now();
const text = readFileSync(file, 'utf8');
const pool = await createDarpPool(Number(values.workers));
// --time-limit bounds the search (wall clock, from handing the instance to the started workers);
// loading TypeScript into the worker threads (~1-2 s) comes on top and is printed as `total`
const result = await pool.solve(text, {
  timeLimitS: Number(values['time-limit']),
  seed: Number(values.seed),
  iterations: values.iterations === undefined ? undefined : Number(values.iterations),
  independent: values.independent,
});
await pool.close();
const json = JSON.stringify(result.solution);
if (values.out) writeFileSync(values.out, json + '\n');
else console.log(json);
console.error(
  `cost ${result.cost.toFixed(4)} | routes ${result.solution.routes.length} | iterations ${result.iterations} | ` +
    `search ${result.seconds.toFixed(2)} s | total ${((performance.now() - t0) / 1000).toFixed(2)} s`,
);
