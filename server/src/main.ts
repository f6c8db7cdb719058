import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { openDb } from '../../db/src';
import { isSeeded } from '../../db/src/seed';
import { createApp } from './app';
import { seedDemo } from './demo/seed-demo';
import { seedHistory } from './demo/seed-history';
import { loadConfig } from './config';
import type { Deps } from './deps';
import { features } from './features';
import { startScheduler } from './jobs/scheduler';
import { offsetClock, systemClock } from './lib/clock';
import { createLogger } from './lib/logger';
import { mailJobs } from './mail/jobs';
import { createTransport } from './mail/transport';
import { shutDown } from './shutdown';

let config;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL);
const { db, sqlite } = openDb(config.DATABASE_PATH);
const clock = config.CLOCK_START ? offsetClock(new Date(config.CLOCK_START)) : systemClock;
const deps: Deps = { db, clock, config, logger };
if (config.CLOCK_START)
  logger.warn({ start: config.CLOCK_START }, 'CLOCK_START set: business time is shifted (demo/test only)');

if (config.SEED_DEMO && !(await isSeeded(db))) {
  // History ends where the demo begins: both are stamped with the same instant.
  const seededAt = deps.clock.now();
  await seedDemo(db, seededAt);
  logger.info('seeded demo data');
  if (config.SEED_HISTORY_WEEKS > 0) {
    const history = await seedHistory(db, sqlite, seededAt, { weeks: config.SEED_HISTORY_WEEKS });
    logger.info(history, `seeded ${config.SEED_HISTORY_WEEKS} weeks of demo history in ${history.ms} ms`);
  }
}
if (!config.SMTP_URL) logger.warn('SMTP_URL is not set: emails stay queued in the outbox until it is');

const app = createApp(deps);
const scheduler = config.JOBS
  ? startScheduler(deps, [
      ...mailJobs(createTransport(config.SMTP_URL, config.SMTP_TIMEOUT_SECONDS * 1000)),
      ...features.flatMap((f) => f.jobs ?? []),
    ])
  : null;

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info(
    { port: info.port, db: config.DATABASE_PATH },
    `engawa listening on http://${config.HOST}:${info.port}/ (TV app), /console${config.SEED_DEMO ? ', /demo' : ''}`,
  );
});

const graceMs = config.SHUTDOWN_GRACE_MS;
let stopping = false;
function onSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const parts = { server: server as Server, scheduler, sqlite, logger, graceMs };
  shutDown(parts, signal).then(
    () => process.exit(0),
    (err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
