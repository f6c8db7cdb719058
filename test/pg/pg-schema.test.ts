import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pgSchema from '../../db/src/schema-pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/pg';

const tables = Object.values(pgSchema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));

describe('db/migrations-pg on a real PostgreSQL', () => {
  let server: ThrowawayPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startThrowawayPostgres();
    pool = new pg.Pool({ connectionString: server.url, max: 2 });
    // Each test reads the migrated database; applying the migrations is what the first one checks.
    await migrate(drizzle(pool), { migrationsFolder: 'db/migrations-pg' });
  });

  afterAll(async () => {
    await pool?.end();
    server?.stop();
  });

  it('the migrations create every table of the PostgreSQL schema with its columns and types', async () => {
    const { rows } = await pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const actual = new Map<string, string[]>();
    for (const r of rows) {
      const cols = actual.get(r.table_name) ?? [];
      cols.push(`${r.column_name} ${r.data_type}${r.is_nullable === 'NO' ? ' not null' : ''}`);
      actual.set(r.table_name, cols);
    }
    const expected = new Map<string, string[]>();
    for (const t of tables) {
      const config = getTableConfig(t);
      expected.set(
        config.name,
        config.columns.map((c) => {
          // information_schema spells custom and timestamptz types out in full.
          const type = c.getSQLType();
          return `${toSnakeCase(c.name)} ${type}${c.notNull ? ' not null' : ''}`;
        }),
      );
    }
    expect(tables.length).toBeGreaterThan(50);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, columns] of expected)
      expect({ name, columns: actual.get(name) }).toEqual({ name, columns });
  });

  it('keeps the rules the schema declares: a unique key refuses a duplicate, a check refuses a bad value', async () => {
    await pool.query(`INSERT INTO municipalities (name, code) VALUES ('テスト町', '999999')`);
    await expect(
      pool.query(`INSERT INTO municipalities (name, code) VALUES ('別の町', '999999')`),
    ).rejects.toThrow(/municipalities_code_unique/);
    await expect(
      pool.query(
        `INSERT INTO mail_outbox (dedupe_key, "to", subject, text, created_at, next_attempt_at, state)
         VALUES ('k', 'a@example.jp', 's', 't', now(), now(), 'lost')`,
      ),
    ).rejects.toThrow(/mail_outbox_state_ck/);
  });
});
