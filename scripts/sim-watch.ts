/**
 * `npm run sim:watch [-- --residents N --days D --seed S --each]`: a seeded synthetic population
 * replayed through the real detector. See docs/watching.md for the model and the figures.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SIM, runSimulation } from '../server/src/watch/sim/run-simulation';
import { formatSimulationReport } from '../server/src/watch/sim/summarize-simulation';

const { values } = parseArgs({
  options: {
    residents: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    each: { type: 'boolean', default: false },
  },
});

const residents = Number(values.residents ?? DEFAULT_SIM.residents);
const days = Number(values.days ?? DEFAULT_SIM.days);
if (!Number.isInteger(residents) || residents < 1 || !Number.isInteger(days) || days < 60) {
  console.error('usage: sim-watch [--residents N>=1] [--days D>=60] [--seed S] [--each]');
  process.exit(2);
}
const started = performance.now();
const result = runSimulation({
  ...DEFAULT_SIM,
  residents,
  days,
  collapseToDay: days - 4,
  seed: Number(values.seed ?? DEFAULT_SIM.seed),
});
const lines = formatSimulationReport(result, values.each ?? false);
const last = lines.pop()!;
for (const line of lines) console.log(line);
console.log(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(last);
