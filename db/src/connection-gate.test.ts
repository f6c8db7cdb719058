import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, withSqlite } from '.';
import * as s from './schema';

const setting = (key: string, value: string) => ({ key, value, updatedAt: new Date(0) });

describe('one connection shared by asynchronous requests', () => {
  it('keeps another request’s write out of a transaction that is rolled back', async () => {
    const { db, sqlite } = openDb(':memory:');
    const order: string[] = [];
    const failing = db
      .transaction(async (tx) => {
        await tx.insert(s.settings).values(setting('in-tx', '1')).run();
        order.push('tx wrote');
        await nextTurn(); // other requests run here
        await nextTurn();
        order.push('tx fails');
        throw new Error('refused');
      })
      .catch((e: Error) => e.message);
    // Started while the transaction is open: it must wait, then commit on its own.
    const outside = (async () => {
      await nextTurn();
      await db.insert(s.settings).values(setting('outside', '1')).run();
      order.push('outside wrote');
    })();
    const raw = (async () => {
      await nextTurn();
      await withSqlite(db, (c) =>
        c.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('raw', '1', 0)").run(),
      );
      order.push('raw wrote');
    })();
    expect(await failing).toBe('refused');
    await Promise.all([outside, raw]);
    expect(order.slice(0, 2)).toEqual(['tx wrote', 'tx fails']);
    const keys = (await db.select().from(s.settings).all()).map((r) => r.key).sort();
    expect(keys).toEqual(['outside', 'raw']);
    sqlite.close();
  });

  it('lets the transaction’s own statements through, and nests a root transaction as a savepoint', async () => {
    const { db, sqlite } = openDb(':memory:');
    await db.transaction(async (tx) => {
      await tx.insert(s.settings).values(setting('a', '1')).run();
      // A helper given the root handle inside the transaction still sees and joins it.
      expect(await db.select().from(s.settings).where(eq(s.settings.key, 'a')).get()).toBeDefined();
      await db
        .transaction(async (inner) => {
          await inner.insert(s.settings).values(setting('b', '1')).run();
          throw new Error('inner refused');
        })
        .catch(() => undefined);
      await withSqlite(tx, (c) => c.prepare("UPDATE settings SET value = '2' WHERE key = 'a'").run());
    });
    const rows = await db.select().from(s.settings).all();
    expect(rows.map((r) => [r.key, r.value])).toEqual([['a', 2]]); // the raw UPDATE wrote JSON 2
    sqlite.close();
  });

  it('runs concurrent transactions one after the other, each whole', async () => {
    const { db, sqlite } = openDb(':memory:');
    const bump = (i: number) =>
      db.transaction(async (tx) => {
        const row = await tx.select().from(s.settings).where(eq(s.settings.key, 'n')).get();
        await nextTurn();
        const n = Number(row?.value ?? 0) + 1;
        await tx
          .insert(s.settings)
          .values(setting('n', String(n)))
          .onConflictDoUpdate({ target: s.settings.key, set: { value: String(n) } })
          .run();
        return i;
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i)));
    expect((await db.select().from(s.settings).where(eq(s.settings.key, 'n')).get())?.value).toBe('20');
    sqlite.close();
  });
});
