/**
 * A/B harness for solver settings: runs `solveStatic` in this thread on Cordeau instances with a
 * CPU-time clock (so a shared, varying machine load does not bias the comparison) and prints the
 * gap per run and the mean. Start two variants at the same time, one per core:
 *   npx tsx scripts/lib/ab-darp.ts --only a5-60,a7-84 --cpu-seconds 5 --seeds 1,2,3 --options '{"startWorse":0.025}'
 * With `--iterations` the runs are reproducible and the CPU seconds compare speed on one search path.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseCordeau } from '../../server/src/taxi/solver/parse-cordeau.js';
import { solveStatic } from '../../server/src/taxi/solver/solve-static.js';
import type { SearchOptions } from '../../server/src/taxi/solver/improve-solution.js';
import { DARP_BENCH_DIR, loadBks } from './darp-checker.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'a5-60,a6-72,a7-84,a8-96' },
    'cpu-seconds': { type: 'string', default: '5' },
    seeds: { type: 'string', default: '1,2,3' },
    iterations: { type: 'string' },
    options: { type: 'string', default: '{}' },
    // large: bench/darp-large against best-known.json (gap to the best any configuration found)
    set: { type: 'string', default: 'standard' },
  },
});
const large = values.set === 'large';
const largeDir = new URL('../../bench/darp-large/', import.meta.url).pathname;
const extra = JSON.parse(values.options) as Partial<SearchOptions>;
const bks = large
  ? new Map(
      Object.entries(
        JSON.parse(readFileSync(`${largeDir}best-known.json`, 'utf8')) as Record<string, { cost: number }>,
      ).map(([k, v]) => [k, v.cost]),
    )
  : loadBks();
// process CPU time of this (single search) thread; GC helper threads add a little
// process.cpuUsage is a system call (it took a third of a profiled run when the search asked the
// clock per relocation), so it is read at most once per 5 wall milliseconds and extrapolated between
let lastWall = -Infinity;
let lastCpu = 0;
let lastOut = 0;
const cpuMs = (): number => {
  const w = performance.now();
  if (w - lastWall >= 5) {
    const u = process.cpuUsage();
    lastCpu = (u.user + u.system) / 1000;
    lastWall = w;
  }
  // kept monotonic: an extrapolation may overshoot the next real reading by up to 5 ms
  lastOut = Math.max(lastOut, lastCpu + (w - lastWall));
  return lastOut;
};
const gaps: number[] = [];
for (const name of values.only.split(',')) {
  const inst = parseCordeau(
    readFileSync(large ? `${largeDir}instances/${name}` : `${DARP_BENCH_DIR}/instances/${name}`, 'utf8'),
  );
  for (const seed of values.seeds.split(',').map(Number)) {
    const stats = { iterations: 0, improvements: 0 };
    const c0 = cpuMs();
    const s = solveStatic(
      inst.problem,
      {
        seed,
        now: cpuMs,
        timeLimitMs: values.iterations ? undefined : Number(values['cpu-seconds']) * 1000,
        maxIterations: values.iterations ? Number(values.iterations) : undefined,
        ...extra,
      },
      stats,
    );
    const opt = bks.get(name)!;
    const gap = s.unassigned.length > 0 ? Infinity : (100 * (s.cost - opt)) / opt;
    gaps.push(gap);
    console.log(
      `${name} seed ${seed} cost ${s.cost.toFixed(3)} gap ${gap.toFixed(3)} iterations ${stats.iterations} ` +
        `cpu ${((cpuMs() - c0) / 1000).toFixed(2)} s`,
    );
  }
}
console.log(
  `mean gap ${(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(3)}% over ${gaps.length} runs ${values.options}`,
);
