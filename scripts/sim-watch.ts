/**
 * `npm run sim:watch [-- --residents N --days D --fixed --each --set tuning|held-out|both]`: seeded
 * synthetic populations replayed through the real detector — the tuning set and a held-out set
 * (other seeds, other mixes) never tuned on — each with answers and strict (nobody answers).
 * N residents per population. See docs/watching.md for the model and the figures.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TUNING, LEARNING_TUNING, type DetectorTuning } from '../server/src/watch/detector/types';
import { evaluateSet, HELD_OUT_SET, TUNING_SET, type Evaluation } from '../server/src/watch/sim/evaluate';
import { DEFAULT_SIM } from '../server/src/watch/sim/run-simulation';
import { formatEvaluationReport, formatRun, summaryLine } from '../server/src/watch/sim/summarize-simulation';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '300' },
    days: { type: 'string' },
    each: { type: 'boolean', default: false },
    // The detector as the server ran it before #15: fixed thresholds, no learning, no greeting.
    fixed: { type: 'boolean', default: false },
    set: { type: 'string', default: 'both' },
    // Try another tuning, e.g. --tune rhythmMarginHours=2 (repeatable); tune on the tuning set only.
    tune: { type: 'string', multiple: true, default: [] },
  },
});

const residents = Number(values.residents);
const days = Number(values.days ?? DEFAULT_SIM.days);
if (!Number.isInteger(residents) || residents < 1 || !Number.isInteger(days) || days < 60) {
  console.error(
    'usage: sim-watch [--residents N>=1] [--days D>=60] [--fixed] [--each] [--set tuning|held-out|both]',
  );
  process.exit(2);
}
const tuning: DetectorTuning = { ...(values.fixed ? DEFAULT_TUNING : LEARNING_TUNING) };
for (const kv of values.tune ?? []) {
  const [key, value] = kv.split('=');
  if (!key || !(key in tuning) || !Number.isFinite(Number(value))) {
    console.error(`sim-watch: --tune ${kv}: not a tuning number`);
    process.exit(2);
  }
  (tuning as unknown as Record<string, number>)[key] = Number(value);
}
const base = {
  ...DEFAULT_SIM,
  residents,
  days,
  collapseToDay: days - 4,
  tuning,
  learn: !values.fixed,
};
const started = performance.now();
const each = values.each ?? false;
const run = (label: string, e: Evaluation) => [
  ...formatRun(`${label}, with answers`, e.answers, each),
  ...formatRun(`${label}, strict`, e.strict, each),
];
let lines: string[];
if (values.set === 'tuning') {
  const t = evaluateSet(TUNING_SET, base);
  lines = [...run('tuning', t), summaryLine(t.answers)];
} else if (values.set === 'held-out') {
  const h = evaluateSet(HELD_OUT_SET, base);
  lines = [...run('held-out', h), summaryLine(h.answers)];
} else {
  lines = formatEvaluationReport(evaluateSet(TUNING_SET, base), evaluateSet(HELD_OUT_SET, base), each);
}
const last = lines.pop()!;
for (const line of lines) console.log(line);
console.log(
  `detector: ${values.fixed ? 'fixed (as the server ran it before #15)' : 'learning each resident’s normal'}; ` +
    `simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(last);
