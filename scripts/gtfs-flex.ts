/** Writes the shared taxi's GTFS-Flex feed: `npm run gtfs-flex -- --out gtfs-flex.zip`. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDb } from '../db/src';
import { loadConfig } from '../server/src/config';
import { systemClock } from '../server/src/lib/clock';
import { exportGtfsFlex } from '../server/src/taxi/gtfs-flex';

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
if (values.help || !values.out) {
  console.log(
    'usage: npm run gtfs-flex -- --out FILE.zip   (reads DATABASE_PATH, TAXI_BOOKING_PHONE, TAXI_INFO_URL)',
  );
  process.exit(values.help ? 0 : 1);
}
const config = loadConfig();
const { db, sqlite } = openDb(config.DATABASE_PATH);
try {
  const zip = await exportGtfsFlex(db, systemClock.now(), config);
  writeFileSync(values.out, zip);
  console.log(`${values.out}: ${zip.length} bytes`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
