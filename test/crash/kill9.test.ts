import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo';
import { serverProcess } from '../helpers/process';

/**
 * "Nothing is lost": the real server process is killed with SIGKILL right after it acknowledged an
 * order and a taxi booking; after a restart on the same file both are there, and resending the same
 * requests (same idempotency keys) returns them instead of creating second ones.
 */
const dir = mkdtempSync(join(tmpdir(), 'engawa-crash-'));
const dbPath = join(dir, 'engawa.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const auth = { authorization: `Bearer ${demoBoxToken(1)}`, 'content-type': 'application/json' };
const order = {
  idempotencyKey: 'crash-test-order-0001',
  lines: [
    { productId: 1, qty: 2 },
    { productId: 5, qty: 1 },
  ],
};
const booking = {
  idempotencyKey: 'crash-test-ride-0001',
  riderIds: [1],
  from: { kind: 'home' },
  to: { kind: 'place', placeId: 1 },
  timeKind: 'arrive_by',
  time: '11:00',
};

describe('crash safety (kill -9)', () => {
  it('keeps acknowledged orders and bookings, and never duplicates them on resend', async () => {
    // Tuesday 2026-11-24 09:00 in Tokyo: inside taxi service hours, before the shop cut-off.
    const server = serverProcess({
      DATABASE_PATH: dbPath,
      CLOCK_START: '2026-11-24T00:00:00Z',
      SEED_DEMO: 'true',
    });
    await server.start();
    const placed = await fetch(`${server.baseUrl}/api/shop/orders`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(order),
    });
    expect(placed.status).toBe(201);
    const orderId = ((await placed.json()) as { id: number }).id;
    const booked = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(booking),
    });
    expect(booked.status).toBe(200);
    const answer = (await booked.json()) as { status: string; booking?: { id: number } };
    expect(answer.status).toBe('accepted');
    await server.kill();

    await server.start();
    const again = await fetch(`${server.baseUrl}/api/shop/orders`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(order),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: number }).id).toBe(orderId);
    const rebooked = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(booking),
    });
    expect(((await rebooked.json()) as { booking?: { id: number } }).booking?.id).toBe(answer.booking!.id);
    await server.kill();

    const db = new Database(dbPath, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM orders WHERE idempotency_key = 'crash-test-order-0001'")).toBe(1);
    expect(count('SELECT count(*) AS n FROM order_lines')).toBe(2);
    expect(
      count("SELECT count(*) AS n FROM taxi_bookings WHERE idempotency_key = 'crash-test-ride-0001'"),
    ).toBe(1);
    db.close();
  });
});
