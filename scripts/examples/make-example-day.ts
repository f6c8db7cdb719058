/** Regenerates scripts/examples/taxi-day.json (deterministic): npx tsx scripts/examples/make-example-day.ts */
import { writeFileSync } from 'node:fs';
import { makeTaxiDay } from '../lib/make-taxi-day.js';

writeFileSync(new URL('./taxi-day.json', import.meta.url), JSON.stringify(makeTaxiDay(12, 300, 2026), null, 1) + '\n');
