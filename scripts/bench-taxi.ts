/**
 * Online answer times of the dispatcher: replays generated days and reports percentiles of the time
 * to answer one booking (clock advance + travel rows + insertion + promise), re-optimising between
 * bookings as the server does.   npm run bench:taxi [-- --reopt-iterations N --seed N]
 */
import { parseArgs } from 'node:util';
import { makeTaxiDay } from './lib/make-taxi-day.js';
import { replayDay } from './lib/replay-day.js';
import { parseTaxiDay } from './lib/taxi-day.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    // ALNS iterations between two bookings, small fleet / large fleet (the large one is ~10x costlier
    // per iteration; the server runs re-optimisation on a time budget instead)
    'reopt-iterations': { type: 'string', default: '30,3' },
  },
});

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const results: { vehicles: number; bookings: number; p99: number }[] = [];
const reoptList = values['reopt-iterations'].split(',').map(Number);
for (const [idx, [vehicles, bookings]] of (
  [
    [12, 300],
    [100, 3000],
  ] as const
).entries()) {
  const reoptIterations = reoptList[Math.min(idx, reoptList.length - 1)]!;
  const day = parseTaxiDay(makeTaxiDay(vehicles, bookings, Number(values.seed)));
  const t0 = performance.now();
  const r = await replayDay(day, {
    seed: Number(values.seed),
    reoptIterations,
    onProgress: (done, total) => {
      if (done % 500 === 0) console.error(`  ${vehicles} vehicles: ${done}/${total} bookings`);
    },
  });
  const ms = r.answerMs.slice().sort((a, b) => a - b);
  const cpu = r.answerCpuMs.slice().sort((a, b) => a - b);
  const reopt = r.reoptMs.slice().sort((a, b) => a - b);
  const p99 = pct(ms, 0.99);
  results.push({ vehicles, bookings, p99 });
  console.log(
    `${vehicles} vehicles / ${bookings} bookings: answer ms p50 ${pct(ms, 0.5).toFixed(2)} p95 ${pct(ms, 0.95).toFixed(2)} ` +
      `p99 ${p99.toFixed(2)} max ${ms[ms.length - 1]!.toFixed(2)} | CPU ms p50 ${pct(cpu, 0.5).toFixed(2)} ` +
      `p99 ${pct(cpu, 0.99).toFixed(2)} | re-opt ms p50 ${reopt.length ? pct(reopt, 0.5).toFixed(1) : '-'} ` +
      `| accepted ${r.totals.accepted}/${bookings} | promises broken ${r.totals.promisesBroken} | ` +
      `vehicle km ${r.totals.vehicleKm} | shared ${(100 * r.totals.sharedRideShare).toFixed(1)}% | ` +
      `re-opt ${reoptIterations} it/booking | replay ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
console.log(
  `taxi: p99 ${a.p99.toFixed(2)} ms at ${a.vehicles} vehicles/${a.bookings} requests, p99 ${b.p99.toFixed(2)} ms at ${b.vehicles}/${b.bookings}`,
);
