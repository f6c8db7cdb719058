import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '.';
import { isSeeded, seedDemoCore } from './seed';
import * as s from './schema';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDb', () => {
  it('applies migrations and sets WAL, foreign keys and a busy timeout on a file database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'engawa-db-'));
    dirs.push(dir);
    const { sqlite } = openDb(join(dir, 'nested', 'x.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type='table'")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'households',
        'residents',
        'set_top_boxes',
        'staff_users',
        'audit_log',
        'mail_outbox',
        'orders',
        'charges',
      ]),
    );
    sqlite.close();
    // Opening again applies nothing twice.
    const again = openDb(join(dir, 'nested', 'x.db'));
    again.sqlite.close();
  });

  it('enforces foreign keys', async () => {
    const { db, sqlite } = openDb(':memory:');
    await expect(
      (async () =>
        await db
          .insert(s.residents)
          .values({ householdId: 999, name: 'x', kana: 'x', birthDate: '1940-01-01', createdAt: new Date() })
          .run())(),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/FOREIGN KEY/) }),
    });
    sqlite.close();
  });
});

describe('demo seed', () => {
  it('is deterministic and has what the demo needs', async () => {
    const a = openDb(':memory:');
    const b = openDb(':memory:');
    // The core only: db/ does not import the server features' seeds (see server/src/demo/seed-demo.ts).
    await seedDemoCore(a.db, new Date('2026-11-23T00:00:00Z'), []);
    await seedDemoCore(b.db, new Date('2026-11-23T00:00:00Z'), []);
    const dump = async (db: typeof a.db) => ({
      products: await db.select().from(s.products).all(),
      residents: await db.select().from(s.residents).all(),
      boxes: await db.select().from(s.setTopBoxes).all(),
    });
    expect(await dump(a.db)).toEqual(await dump(b.db));
    expect(await isSeeded(a.db)).toBe(true);

    const db = a.db;
    expect((await db.select().from(s.hamlets).all()).length).toBeGreaterThanOrEqual(6);
    expect(await db.select().from(s.dronePorts).all()).toHaveLength(1);
    expect(await db.select().from(s.drones).all()).toHaveLength(2);
    const sellers = await db.select().from(s.sellers).all();
    expect(sellers.map((x) => x.kind)).toEqual(['supermarket', 'drugstore']);
    const marketProducts = (await db.select().from(s.products).all()).filter(
      (p) => p.sellerId === sellers[0]!.id,
    );
    expect(marketProducts.length).toBeGreaterThanOrEqual(300);
    expect(new Set(marketProducts.map((p) => p.categoryId)).size).toBeGreaterThanOrEqual(10);
    for (const p of marketProducts) {
      expect(Number.isInteger(p.priceYen) && p.priceYen > 0).toBe(true);
      expect([8, 10]).toContain(p.taxRate);
      expect(p.weightG).toBeGreaterThan(0);
    }
    const residents = await db.select().from(s.residents).all();
    expect(residents.length).toBeGreaterThanOrEqual(30);
    const contacts = await db.select().from(s.familyContacts).all();
    for (const r of residents) expect(contacts.some((c) => c.residentId === r.id)).toBe(true);
    expect((await db.select().from(s.setTopBoxes).all()).length).toBe(
      (await db.select().from(s.households).all()).length,
    );
    const vehicles = await db.select().from(s.vehicles).all();
    expect(vehicles).toHaveLength(3);
    expect(vehicles.every((v) => v.seats === 4)).toBe(true);
    expect((await db.select().from(s.places).all()).length).toBeGreaterThanOrEqual(20);
    const roles = new Set((await db.select().from(s.staffUsers).all()).map((u) => u.role));
    expect([...roles].sort()).toEqual([...s.STAFF_ROLES].sort());
    a.sqlite.close();
    b.sqlite.close();
  });
});
