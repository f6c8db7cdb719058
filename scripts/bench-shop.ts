/**
 * Benchmark: order placement over loopback with 200 concurrent set-top boxes (autocannon), then
 * the cut-off for 2,000 orders over 50 halls: the pure plan (`benchShopPlan`) and the whole cut-off
 * job against SQLite (`benchCutoffJob`: read, plan, write flights, set every order's mode). The
 * last line reports the whole job, since that is what the resident waits for.
 * Usage: npm run bench:shop [-- --connections 200 --duration 10]
 * The server runs in a child process so the load generator does not share its event loop. The
 * machine is shared (2 cores): figures are noisy; run twice and compare.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { openDb } from '../db/src';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/src';
import * as schema from '../db/src/schema';
import { demoBoxToken } from '../db/src/seed';
import { seedDemo } from '../server/src/demo/seed-demo';
import { DEMO_HOUSEHOLDS } from '../db/src/seed/people';
import { createApp } from '../server/src/app';
import { testConfig } from '../server/src/config';
import { ManualClock } from '../server/src/lib/clock';
import { createLogger } from '../server/src/lib/logger';
import { benchCutoffJob, benchShopPlan, printCutoffJobBench, printShopPlanBench } from './bench-shop-plan';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
  },
});

const BOXES = 200;
/** The demo's boxes come first (one per demo household); the bench adds households with their own boxes up to BOXES. */
const benchBoxToken = (n: number) =>
  n <= DEMO_HOUSEHOLDS.length ? demoBoxToken(n) : `bench-box-token-${String(n).padStart(4, '0')}`;

async function addBenchBoxes(db: Db, now: Date) {
  const have = (await db.select({ id: schema.setTopBoxes.id }).from(schema.setTopBoxes).all()).length;
  const template = (await db.select().from(schema.households).where(eq(schema.households.id, 1)).get())!;
  await db.transaction(async (tx) => {
    for (let n = have + 1; n <= BOXES; n++) {
      const hh = await tx
        .insert(schema.households)
        .values({
          ...template,
          id: undefined,
          name: `ベンチ${n}家`,
          cableCustomerNo: `BENCH${n}`,
          createdAt: now,
        })
        .returning()
        .get();
      await tx
        .insert(schema.setTopBoxes)
        .values({
          deviceId: `STB-BENCH-${n}`,
          tokenHash: createHash('sha256').update(benchBoxToken(n)).digest('hex'),
          householdId: hh.id,
          createdAt: now,
        })
        .run();
    }
  });
}

// Tue 24 Nov 2026 09:00 Tokyo: orders are accepted for the same evening.
const NOW = '2026-11-24T00:00:00Z';

if (values.serve) {
  // Child: the real app on a fresh seeded SQLite file (WAL), as in production but with jobs off.
  const { db, sqlite } = openDb(values.serve);
  const clock = new ManualClock(NOW);
  await seedDemo(db, clock.now());
  await addBenchBoxes(db, clock.now());
  const app = createApp({ db, clock, config: testConfig(), logger: createLogger('silent') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  server.once('listening', () => {
    const households = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM set_top_boxes').get()!.n;
    const products = sqlite
      .prepare<[], { id: number }>(
        'SELECT id FROM products WHERE active = 1 AND stock IS NULL ORDER BY id LIMIT 40',
      )
      .all()
      .map((p) => p.id);
    process.send!({ port: (server.address() as { port: number }).port, households, products });
  });
  process.on('message', (m) => {
    if (m === 'count') {
      process.send!({
        orders: sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()!.n,
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const autocannon = await loadAutocannon();
  const dir = mkdtempSync(join(tmpdir(), 'engawa-bench-shop-'));
  const child = fork(process.argv[1]!, ['--serve', join(dir, 'shop.db')], { execArgv: process.execArgv });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port, households, products } = await next<{
    port: number;
    households: number;
    products: number[];
  }>();
  const connections = Number(values.connections);
  let seq = 0;
  // Each request comes from the next of the 200 boxes (round robin) with a fresh key,
  // 1–3 lines of untracked-stock products.
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/shop/orders`,
    connections,
    duration: Number(values.duration),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = seq++;
          const box = 1 + (n % households);
          const lines = Array.from({ length: 1 + (n % 3) }, (_, i) => ({
            productId: products[(n * 7 + i * 13) % products.length]!,
            qty: 1 + (i % 2),
          }));
          return {
            ...req,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${benchBoxToken(box)}` },
            body: JSON.stringify({ idempotencyKey: `bench-${n}-${box}`, lines }),
          };
        },
      },
    ],
  });
  child.send('count');
  const { orders } = await next<{ orders: number }>();
  child.disconnect();
  rmSync(dir, { recursive: true, force: true });

  const okRate = result.requests.average;
  console.log(
    `order placement: ${connections} connections, ${result.duration.toFixed(1)} s: ${result.requests.total} requests, ` +
      `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${orders} orders stored; ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  if (result.non2xx > 0 || result.errors > 0) console.log('warning: some requests failed (see above)');
  const plan = benchShopPlan();
  printShopPlanBench(plan);
  const job = await benchCutoffJob();
  printCutoffJobBench(job);
  console.log(
    `shop: ${Math.round(okRate)} orders/s, p99 ${result.latency.p99} ms, plan ${job.orders} orders/${job.halls} halls ${(job.medianMs / 1000).toFixed(3)} s`,
  );
}

interface AutocannonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  non2xx: number;
  '2xx': number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;

/** autocannon ships no type declarations: this is the part of its API used here. */
async function loadAutocannon(): Promise<Autocannon> {
  const name = 'autocannon';
  return ((await import(name)) as { default: Autocannon }).default;
}
