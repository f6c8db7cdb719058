/**
 * Runs a DARP instance set with the same settings each, checks every solution with the reference
 * checker (/work/shared/bench/darp/check.mjs) and prints cost, reference cost, gap, seconds and
 * feasibility.
 *   npm run bench:darp [-- --time-limit 10 --seed 1 --workers 2 --only a2-16,a8-96 --json out.json]
 *   npm run bench:darp -- --set large [--update-best] [--time-limit 120]
 * `--set standard` (default): the 24 Cordeau "a" instances against their proven optima (bks.csv).
 * `--set large`: our generated 100-150 request instances (bench/darp-large) against the best
 * feasible cost any of our configurations ever found (bench/darp-large/best-known.json, with the
 * solutions beside it); `--update-best` stores a checked feasible solution that beats it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    set: { type: 'string', default: 'standard' },
    'update-best': { type: 'boolean', default: false },
  },
});
if (values.set !== 'standard' && values.set !== 'large') {
  console.error('--set must be standard or large');
  process.exit(2);
}
const large = values.set === 'large';
const LARGE_DIR = new URL('../bench/darp-large/', import.meta.url).pathname;
const BEST_FILE = `${LARGE_DIR}best-known.json`;
interface BestKnown {
  cost: number;
  /** how it was found: command, seed, date */
  found: string;
}
const bestKnown: Record<string, BestKnown> =
  large && existsSync(BEST_FILE)
    ? (JSON.parse(readFileSync(BEST_FILE, 'utf8')) as Record<string, BestKnown>)
    : {};
const bks = large ? new Map(Object.entries(bestKnown).map(([k, v]) => [k, v.cost])) : loadBks();
const instanceDir = large ? `${LARGE_DIR}instances` : `${DARP_BENCH_DIR}/instances`;
const check = await loadChecker();
const names = readdirSync(instanceDir)
  .filter((f) => !values.only || values.only.split(',').includes(f))
  .sort((a, b) => {
    const [ka, na] = a.slice(1).split('-').map(Number) as [number, number];
    const [kb, nb] = b.slice(1).split('-').map(Number) as [number, number];
    // standard: by vehicles then requests (as always); large: by size
    return large ? na - nb || ka - kb : ka - kb || na - nb;
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
console.log(
  large
    ? 'instance        cost  best known     gap%  seconds  cpu s  iterations  feasible'
    : 'instance        cost     optimum     gap%  seconds  cpu s  iterations  feasible',
);
let updated = 0;
for (const name of names) {
  const text = readFileSync(`${instanceDir}/${name}`, 'utf8');
  const cpu0 = process.cpuUsage();
  const r = await pool.solve(text, { timeLimitS: Number(values['time-limit']), seed: Number(values.seed) });
  // CPU seconds of both workers: on a shared machine this shows how much of the wall time we got
  const cpuS = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6;
  const solutionJson = JSON.stringify(r.solution);
  const verdict = check(text, solutionJson);
  // an infeasible large solution has no gap worth reporting (the standard set keeps its old output)
  const cost = large && !verdict.feasible ? Infinity : (verdict.cost ?? Infinity);
  // a large instance never solved before is its own reference until a better run is stored
  const opt = bks.get(name) ?? cost;
  const gap = (100 * (cost - opt)) / opt;
  if (
    large &&
    values['update-best'] &&
    verdict.feasible &&
    cost < (bestKnown[name]?.cost ?? Infinity) - 1e-9
  ) {
    bestKnown[name] = {
      cost,
      found: `bench:darp --set large --time-limit ${values['time-limit']} --seed ${values.seed} --workers ${values.workers}, ${new Date().toISOString().slice(0, 16)}Z`,
    };
    mkdirSync(`${LARGE_DIR}solutions`, { recursive: true });
    writeFileSync(`${LARGE_DIR}solutions/${name}.json`, solutionJson + '\n');
    updated++;
  }
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
if (updated > 0) {
  const sorted = Object.fromEntries(
    Object.entries(bestKnown).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
  );
  writeFileSync(BEST_FILE, JSON.stringify(sorted, null, 1) + '\n');
  console.error(`best-known.json: ${updated} instance(s) improved`);
}
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
