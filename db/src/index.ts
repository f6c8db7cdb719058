import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleSync } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase, SQLiteTransaction } from 'drizzle-orm/sqlite-core';
import { drizzle as drizzleProxy } from 'drizzle-orm/sqlite-proxy';
import { ConnectionGate } from './connection-gate';
import * as schema from './schema';

export { schema };
export type Sqlite = Database.Database;
/** What `.run()` resolves to: better-sqlite3's `{ changes, lastInsertRowid }`. */
export type RunResult = Database.RunResult;
type Schema = typeof schema;
/**
 * The asynchronous drizzle handle every business function takes. Every query is awaited and a
 * transaction is `await db.transaction(async (tx) => …)`, so the same code can later run on a
 * driver that is asynchronous by nature (PostgreSQL).
 */
export type Db = BaseSQLiteDatabase<'async', RunResult, Schema>;
/** A drizzle transaction handle; business functions accept `Db | Tx` via `DbOrTx`. */
export type Tx = SQLiteTransaction<'async', RunResult, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

const RAW = Symbol('engawa.rawSqlite');
interface RawAccess {
  sqlite: Sqlite;
  gate: ConnectionGate;
}
type WithRaw = { [RAW]?: RawAccess };

/**
 * Runs `fn` with the raw better-sqlite3 handle, once no transaction of another request holds the
 * connection. `fn` must be synchronous (it is the hot paths' prepared statements); do not keep the
 * handle past it.
 */
export async function withSqlite<T>(db: DbOrTx, fn: (sqlite: Sqlite) => T): Promise<T> {
  // Transactions share their root handle's session, so the raw connection hangs on the session.
  const raw = ((db as unknown as { session: WithRaw }).session ?? {})[RAW];
  if (!raw) throw new Error('withSqlite: not an engawa database handle');
  if (!raw.gate.open()) await raw.gate.ready();
  return fn(raw.sqlite);
}

/**
 * True when `err` (or what it wraps: drizzle reports a failed query as an error whose `cause` is
 * the driver's) is a unique-constraint violation — the database's "this was already written".
 */
export function isUniqueViolation(err: unknown): boolean {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    // SQLite (better-sqlite3) and, for #16's second backend, PostgreSQL's unique_violation.
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505')
      return true;
  }
  return false;
}

/**
 * The raw handle for a read-only page that reads it synchronously right away, once no other
 * request's transaction holds the connection. Anything that writes goes through `withSqlite`.
 */
export async function sqliteForReading(db: DbOrTx): Promise<Sqlite> {
  return withSqlite(db, (sqlite) => sqlite);
}

/**
 * The one connection factory: every pragma lives here, and pending migrations are applied before
 * the handle is returned. `':memory:'` gives a fresh, fully migrated database (tests).
 */
export function openDb(path: string): { db: Db; sqlite: Sqlite } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(drizzleSync(sqlite, { schema, casing: 'snake_case' }), { migrationsFolder });
  return { db: asyncDb(sqlite), sqlite };
}

function asyncDb(sqlite: Sqlite): Db {
  const gate = new ConnectionGate();
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let stmt = statements.get(text);
    if (!stmt) {
      // Lists of ids make many one-off texts; keep the cache bounded.
      if (statements.size >= 2000) statements.clear();
      stmt = sqlite.prepare(text);
      statements.set(text, stmt);
    }
    return stmt;
  };
  const config = { schema, casing: 'snake_case' as const };
  const db = drizzleProxy(
    async (text, params, method) => {
      if (!gate.open()) await gate.ready();
      const stmt = prepare(text);
      if (method === 'run') return stmt.run(...params) as never;
      if (!stmt.reader) {
        stmt.run(...params);
        return { rows: [] };
      }
      stmt.raw(true);
      return { rows: method === 'get' ? stmt.get(...params) : stmt.all(...params) } as never;
    },
    // drizzle-orm 0.45's proxy driver reads the schema from its second argument and the casing
    // from its third when no batch callback is given: pass the config in both places.
    config as never,
    config,
  ) as unknown as Db;

  // `db.all(sql\`…\`)` and `db.get(sql\`…\`)` (hand-written SQL) answer rows as objects, as the
  // synchronous driver did; the proxy driver would answer arrays of values.
  const session = (db as unknown as { session: Record<string, unknown> }).session;
  const dialect = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } })
    .dialect;
  const objects = (method: 'all' | 'get') => async (query: SQL) => {
    if (!gate.open()) await gate.ready();
    const q = dialect.sqlToQuery(query);
    const stmt = prepare(q.sql);
    stmt.raw(false);
    return method === 'get' ? stmt.get(...q.params) : stmt.all(...q.params);
  };
  session.all = objects('all');
  session.get = objects('get');

  // A transaction holds the connection across its awaits (see ConnectionGate). BEGIN IMMEDIATE
  // takes the write lock at once, so a second process (a CLI) waits on busy_timeout instead of
  // failing half-way. A transaction opened on the root handle from inside another one becomes a
  // savepoint, as better-sqlite3 did.
  const begin = db.transaction.bind(db) as Db['transaction'];
  let savepoints = 0;
  db.transaction = (async (fn: (tx: Tx) => Promise<unknown>, config?: Parameters<Db['transaction']>[1]) => {
    if (gate.holds()) {
      const name = `nested_${++savepoints}`;
      sqlite.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(db as unknown as Tx);
        sqlite.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw err;
      }
    }
    return gate.exclusive(() =>
      begin(fn as (tx: Tx) => Promise<unknown>, { behavior: 'immediate', ...config }),
    );
  }) as Db['transaction'];

  (session as WithRaw)[RAW] = { sqlite, gate };
  return db;
}
