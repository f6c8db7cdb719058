import { openDb } from '../../db/src';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed';
import { seedDemo } from '../../server/src/demo/seed-demo';
import { createApp } from '../../server/src/app';
import { testConfig, type Config } from '../../server/src/config';
import type { Deps } from '../../server/src/deps';
import { ManualClock } from '../../server/src/lib/clock';
import { createLogger, type Logger } from '../../server/src/lib/logger';

export interface TestContextOptions {
  /** Start time of the injected clock (default: a Monday 09:00 in Tokyo). */
  now?: string | Date;
  /** Seed the demo data (default true). */
  seed?: boolean;
  config?: Partial<Config>;
  /** Default: silent. */
  logger?: Logger;
}

/** A fresh, migrated in-memory database, the real app, and a clock the test moves. */
export async function createTestContext(opts: TestContextOptions = {}) {
  const clock = new ManualClock(opts.now ?? '2026-11-23T00:00:00Z');
  const { db, sqlite } = openDb(':memory:');
  const config = testConfig(opts.config);
  const deps: Deps = { db, clock, config, logger: opts.logger ?? createLogger('silent') };
  if (opts.seed !== false) await seedDemo(db, clock.now());
  const app = createApp(deps);

  const request = (path: string, init: RequestInit = {}) => app.request(`http://localhost${path}`, init);

  return {
    deps,
    db,
    sqlite,
    clock,
    app,
    request,
    /** Authorization header of demo set-top box n (box n belongs to household n). */
    device: (n = 1): Record<string, string> => ({ authorization: `Bearer ${demoBoxToken(n)}` }),
    /** JSON request helpers. */
    json: (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      request(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    /** Logs a demo staff user in; returns the Cookie header to send. */
    async login(loginId: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
      const res = await request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ loginId, password }).toString(),
      });
      const cookie = res.headers.get('set-cookie');
      if (res.status !== 303 || !cookie) throw new Error(`login as ${loginId} failed: ${res.status}`);
      return { cookie: cookie.split(';')[0]!, origin: 'http://localhost' };
    },
    close: () => sqlite.close(),
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** Row counts of every table: a cheap way to assert "nothing was written". */
export function tableCounts(ctx: { sqlite: TestContext['sqlite'] }): Record<string, number> {
  const tables = ctx.sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .all();
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      ctx.sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${t.name}"`).get()!.n,
    ]),
  );
}
