/**
 * The live-board measurement shared by `bench:live` and `bench:console`: N console boards hold
 * /console/live open (real server, real SSE over HTTP) while set-top boxes post heartbeats to
 * /api/watch/activity at a steady rate; ride events are published through the hub and the time
 * from publish to arrival on every board is measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDb } from '../../db/src';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed';
import { seedDemo } from '../../server/src/demo/seed-demo';
import { createApp } from '../../server/src/app';
import { testConfig } from '../../server/src/config';
import type { Deps } from '../../server/src/deps';
import { offsetClock } from '../../server/src/lib/clock';
import { createLogger } from '../../server/src/lib/logger';
import { hubOf } from '../../server/src/live/publish';

export interface LiveResult {
  boards: number;
  received: number;
  expected: number;
  heartbeats: number;
  heartbeatErrors: number;
  p50: number;
  p99: number;
}

export async function measureLiveBoards(opts: {
  boards: number;
  events: number;
  heartbeatsPerS: number;
}): Promise<LiveResult> {
  const { boards: BOARDS, events: EVENTS, heartbeatsPerS: HEARTBEATS_PER_S } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'engawa-bench-live-'));
  const { db, sqlite } = openDb(join(dir, 'engawa.db'));
  const clock = offsetClock(new Date('2026-11-24T00:30:00Z'));
  const deps: Deps = { db, clock, config: testConfig(), logger: createLogger('silent') };
  await seedDemo(db, clock.now());
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const login = await fetch(`${base}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ loginId: 'city', password: DEMO_PASSWORD }).toString(),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const latencies: number[] = [];
  let open = 0;
  const aborts: AbortController[] = [];
  async function board() {
    const ac = new AbortController();
    aborts.push(ac);
    const res = await fetch(`${base}/console/live?topics=taxi`, { headers: { cookie }, signal: ac.signal });
    open++;
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buf += dec.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const line = buf
          .slice(0, i)
          .split('\n')
          .find((l) => l.startsWith('data: '));
        buf = buf.slice(i + 2);
        if (line) latencies.push(performance.now() - Number(JSON.parse(line.slice(6)).data.sentAt));
      }
    }
  }

  const boards = Array.from({ length: BOARDS }, () => board());
  while (open < BOARDS) await new Promise((r) => setTimeout(r, 20));

  let heartbeats = 0;
  let heartbeatErrors = 0;
  const hb = setInterval(() => {
    for (let k = 0; k < HEARTBEATS_PER_S / 20; k++) {
      const box = 1 + ((heartbeats + k) % 12);
      fetch(`${base}/api/watch/activity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(box)}` },
        body: JSON.stringify({ kind: 'heartbeat' }),
      })
        .then((r) => (r.ok ? heartbeats++ : heartbeatErrors++))
        .catch(() => heartbeatErrors++);
    }
  }, 50);

  const hub = hubOf(deps);
  for (let n = 0; n < EVENTS; n++) {
    await new Promise((r) => setTimeout(r, 100));
    hub.publish({
      topic: 'taxi',
      type: 'ride.picked_up',
      hamletId: 1,
      vehicleId: 1,
      data: { bookingId: n, sentAt: performance.now() },
    });
  }
  const deadline = performance.now() + 5000;
  while (latencies.length < BOARDS * EVENTS && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  clearInterval(hb);
  for (const ac of aborts) ac.abort();
  await Promise.allSettled(boards);
  server.close();
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    boards: BOARDS,
    received: latencies.length,
    expected: BOARDS * EVENTS,
    heartbeats,
    heartbeatErrors,
    p50: q(0.5),
    p99: q(0.99),
  };
}
