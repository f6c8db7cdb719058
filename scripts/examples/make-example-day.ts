/** Regenerates scripts/examples/taxi-day.json (deterministic): npx tsx scripts/examples/make-example-day.ts */
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { makeTaxiDay } from '../lib/make-taxi-day.js';

const json = JSON.stringify(makeTaxiDay(12, 300, 2026));
writeFileSync(new URL('./taxi-day.json', import.meta.url), await format(json, { parser: 'json' }));
