/**
 * Replays a service day through the dispatcher the server runs (insertion + re-optimisation).
 *   npm run taxi:replay -- <day.json> [--out file] [--seed N] [--reopt-iterations N (50)]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { replayDay } from './lib/replay-day.js';
import { parseTaxiDay } from './lib/taxi-day.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'reopt-iterations': { type: 'string', default: '50' },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run taxi:replay -- <day.json> [--out file] [--seed N] [--reopt-iterations N (50)]',
  );
  process.exit(2);
}
const day = parseTaxiDay(JSON.parse(readFileSync(file, 'utf8')));
const result = await replayDay(day, {
  seed: Number(values.seed),
  reoptIterations: Number(values['reopt-iterations']),
});
const { answerMs: _a, answerCpuMs: _c, reoptMs: _r, ...report } = result;
const json = JSON.stringify(report, null, 2);
if (values.out) writeFileSync(values.out, json + '\n');
else console.log(json);
console.error(JSON.stringify(result.totals));
if (result.totals.promisesBroken > 0) process.exit(1);
