/** Operators' command line for billing; see `npm run billing -- help`. */
import { openDb } from '../db/src';
import { BILLING_USAGE, runBillingCommand } from '../server/src/billing/run-billing-command';
import { loadConfig } from '../server/src/config';
import { systemClock } from '../server/src/lib/clock';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
  console.log(BILLING_USAGE);
  process.exit(argv.length === 0 ? 1 : 0);
}
const config = loadConfig();
const { db, sqlite } = openDb(config.DATABASE_PATH);
try {
  for (const line of await runBillingCommand(argv, { db, sqlite, now: systemClock.now() })) console.log(line);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
