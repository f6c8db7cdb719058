/**
 * Runs the 24 Cordeau "a" instances with the same settings each, checks every solution with the
 * reference checker and prints cost, proven optimum, gap, seconds and feasibility.
 *   npm run bench:darp [-- --time-limit 10 --seed 1 --workers 2 --only a2-16,a8-96 --json out.json]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DARP_BENCH_DIR, loadBks, loadChecker } from './lib/darp-checker.js';
import { createDarpPool } from './lib/solve-darp-file.js';

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const bks = loadBks();
const check = await loadChecker();
const names = readdirSync(`${DARP_BENCH_DIR}/instances`)
  .filter((f) => !values.only || values.only.split(',').includes(f))
  .sort((a, b) => {
    const [ka, na] = a.slice(1).split('-').map(Number) as [number, number];
    const [kb, nb] = b.slice(1).split('-').map(Number) as [number, number];
    return ka - kb || na - nb;
  });
// search threads are started once and reused: per-instance seconds are search time, not start-up
const pool = await createDarpPool(Number(values.workers));
const rows: {
  instance: string;
  cost: number;
  bks: number;
  gap: number;
  seconds: number;
  cpuSeconds: number;
  iterations: number;
  feasible: boolean;
}[] = [];
console.log('instance        cost     optimum     gap%  seconds  cpu s  iterations  feasible');
for (const name of names) {
  const text = readFileSync(`${DARP_BENCH_DIR}/instances/${name}`, 'utf8');
  const cpu0 = process.cpuUsage();
  const r = await pool.solve(text, { timeLimitS: Number(values['time-limit']), seed: Number(values.seed) });
  // CPU seconds of both workers: on a shared machine this shows how much of the wall time we got
  const cpuS = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6;
  const verdict = check(text, JSON.stringify(r.solution));
  const cost = verdict.cost ?? Infinity;
  const opt = bks.get(name)!;
  const gap = (100 * (cost - opt)) / opt;
  rows.push({
    instance: name,
    cost,
    bks: opt,
    gap,
    seconds: r.seconds,
    cpuSeconds: cpuS,
    iterations: r.iterations,
    feasible: verdict.feasible,
  });
  console.log(
    `${name.padEnd(9)} ${cost.toFixed(3).padStart(10)}  ${opt.toFixed(2).padStart(10)}  ${gap.toFixed(3).padStart(7)}  ` +
      `${r.seconds.toFixed(2).padStart(7)}  ${cpuS.toFixed(1).padStart(5)}  ${String(r.iterations).padStart(10)}  ${verdict.feasible ? 'yes' : 'NO ' + verdict.violations.slice(0, 2).join('; ')}`,
  );
}
await pool.close();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1) + '\n');
console.log(
  `mean gap ${mean(rows.map((r) => r.gap)).toFixed(3)}% | max gap ${Math.max(...rows.map((r) => r.gap)).toFixed(3)}% | ` +
    `feasible ${rows.filter((r) => r.feasible).length}/${rows.length} | mean ${mean(rows.map((r) => r.seconds)).toFixed(2)} s`,
);
console.error(
  `(CPU: mean ${mean(rows.map((r) => r.cpuSeconds)).toFixed(2)} s per instance over ${values.workers} workers; ` +
    `the machine is shared, so wall seconds buy less CPU when others run)`,
);
