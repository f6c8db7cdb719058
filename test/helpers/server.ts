import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDb } from '../../db/src';
import { seedDemo } from '../../server/src/demo/seed-demo';
import { createApp } from '../../server/src/app';
import { testConfig, type Config } from '../../server/src/config';
import type { Deps } from '../../server/src/deps';
import { features } from '../../server/src/features';
import { ManualClock } from '../../server/src/lib/clock';
import { createLogger } from '../../server/src/lib/logger';
import { deliverOutbox } from '../../server/src/mail/outbox';
import { createTransport } from '../../server/src/mail/transport';

export interface TestServerOptions {
  now?: string | Date;
  config?: Partial<Config>;
}

/**
 * The real server on 127.0.0.1:<random port> with a fresh seeded SQLite file and the built TV app
 * (test build with its hook: run `npm run build:tv:test` first). Jobs do not run by themselves: tests move `clock` and call
 * `runJob(name)`, as the scheduler would.
 */
export async function startTestServer(opts: TestServerOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'engawa-test-'));
  const clock = new ManualClock(opts.now ?? '2026-11-23T00:00:00Z');
  const { db, sqlite } = openDb(join(dir, 'engawa.db'));
  const config = testConfig({ TV_APP_DIR: './tv-app/dist-test', SEED_DEMO: true, ...opts.config });
  const deps: Deps = { db, clock, config, logger: createLogger('silent') };
  await seedDemo(db, clock.now());
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  deps.config.PUBLIC_BASE_URL = `http://127.0.0.1:${port}`;
  const jobs = new Map(features.flatMap((f) => f.jobs ?? []).map((j) => [j.name, j]));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    db,
    sqlite,
    clock,
    app,
    async runJob(name: string) {
      const job = jobs.get(name);
      if (!job) throw new Error(`Unknown job ${name}; known: ${[...jobs.keys()].join(', ')}`);
      return job.run(deps);
    },
    /** Delivers the mail outbox through SMTP_URL (e.g. a test SMTP server). */
    deliverMail: async () =>
      await deliverOutbox(
        deps,
        createTransport(deps.config.SMTP_URL, deps.config.SMTP_TIMEOUT_SECONDS * 1000),
      ),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
