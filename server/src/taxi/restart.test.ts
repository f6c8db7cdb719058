import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/src';
import { demoBoxToken } from '../../../db/src/seed';
import { seedDemo } from '../demo/seed-demo';
import { taxiBookings } from '../../../db/src/schema';
import { createApp } from '../app';
import { testConfig } from '../config';
import { ManualClock } from '../lib/clock';
import { createLogger } from '../lib/logger';
import type { BookTaxiAnswer } from './book-taxi';
import { TUESDAY_0930 } from './test-support';

const dir = mkdtempSync(join(tmpdir(), 'engawa-taxi-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start(path: string, clock: ManualClock, seed: boolean) {
  const { db, sqlite } = openDb(path);
  if (seed) await seedDemo(db, clock.now());
  const app = createApp({ db, clock, config: testConfig(), logger: createLogger('silent') });
  const book = async (box: number, body: object) => {
    const res = await app.request('http://localhost/api/taxi/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(box)}` },
      body: JSON.stringify(body),
    });
    return (await res.json()) as BookTaxiAnswer;
  };
  return { db, sqlite, book };
}

describe('a restart', () => {
  it('keeps every booking and rebuilds the live plan from the database (pooling and promises included)', async () => {
    const path = join(dir, 'engawa.db');
    const clock = new ManualClock(TUESDAY_0930);
    const first = await start(path, clock, true);
    const clinic = { kind: 'place', placeId: 1 };
    const body = (key: string, riderIds: number[]) => ({
      idempotencyKey: key,
      riderIds,
      from: { kind: 'home' },
      to: clinic,
      timeKind: 'leave_after',
      time: '11:00',
    });
    const a = await first.book(1, body('restart-key-a', [1]));
    expect(a.status).toBe('accepted');
    first.sqlite.close();

    clock.advance(10 * 60_000);
    const second = await start(path, clock, false);
    // the resent request after the restart is recognised, not booked twice
    const again = await second.book(1, body('restart-key-a', [1]));
    expect(again.booking!.id).toBe(a.booking!.id);
    // a neighbour going the same way is pooled into the car already planned before the restart
    const b = await second.book(3, body('restart-key-b', [4]));
    expect(b.status).toBe('accepted');
    expect(b.booking!.vehicleName).toBe(a.booking!.vehicleName);
    const rows = await second.db.select().from(taxiBookings).all();
    expect(rows).toHaveLength(2);
    // the first rider's promise is unchanged by the re-plan
    expect(rows[0]!.pickupFrom.toISOString()).toBe(
      new Date(`2026-11-24T${a.booking!.pickupFrom}:00+09:00`).toISOString(),
    );
    second.sqlite.close();
  });
});
