import { is } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import {
  getTableConfig as pgConfig,
  integer as pgInteger,
  PgTable,
  pgTable,
  text as pgText,
} from 'drizzle-orm/pg-core';
import {
  getTableConfig as sqliteConfig,
  integer as sqliteInteger,
  SQLiteTable,
  sqliteTable,
  text as sqliteText,
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema';
import * as pgSchema from './index';

/**
 * How a SQLite column (drizzle columnType) may be stored in PostgreSQL (SQL type). Anything not in
 * this table is drift: a new mapping is a decision, written down here.
 */
const TYPE_MAP: Record<string, readonly string[]> = {
  SQLiteInteger: ['integer', 'bigint'],
  SQLiteTimestamp: ['timestamp with time zone'],
  SQLiteBoolean: ['boolean'],
  SQLiteText: ['text'],
  SQLiteTextJson: ['jsonb'],
  SQLiteBlobBuffer: ['bytea'],
  SQLiteReal: ['double precision'],
};

type Shape = {
  columns: Record<
    string,
    {
      sql: string;
      notNull: boolean;
      primary: boolean;
      unique: string | null;
      enum: string[] | null;
      default: unknown;
    }
  >;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  foreignKeys: string[];
  checks: string[];
};

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shape(config: AnyConfig, typeOf: (c: AnyConfig['columns'][number]) => string): Shape {
  const name = (c: { name: string }) => toSnakeCase(c.name);
  const columns: Shape['columns'] = {};
  for (const c of config.columns) {
    const values = (c as { enumValues?: string[] }).enumValues;
    columns[name(c)] = {
      sql: typeOf(c),
      notNull: c.notNull,
      primary: c.primary,
      unique: c.isUnique ? (c.uniqueName ?? null) : null,
      enum: values && values.length > 0 ? [...values] : null,
      // SQL defaults differ by dialect (unixepoch() vs now()); literal ones must be equal.
      default:
        c.default !== undefined && typeof c.default === 'object' && c.default !== null ? 'sql' : c.default,
    };
  }
  const primaryKey = [
    ...config.columns.filter((c) => c.primary).map(name),
    ...config.primaryKeys.flatMap((k) => k.columns.map(name)),
  ];
  const indexes: Shape['indexes'] = {};
  for (const i of config.indexes) {
    indexes[i.config.name ?? ''] = {
      columns: (i.config.columns as { name: string }[]).map(name),
      unique: i.config.unique,
      partial: i.config.where !== undefined,
    };
  }
  for (const u of config.uniqueConstraints) {
    indexes[u.name ?? ''] = { columns: u.columns.map(name), unique: true, partial: false };
  }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      const target = is(ref.foreignTable, SQLiteTable)
        ? sqliteConfig(ref.foreignTable).name
        : pgConfig(ref.foreignTable as PgTable).name;
      return `${fk.getName()}: (${ref.columns.map(name).join(',')}) → ${target}(${ref.foreignColumns
        .map(name)
        .join(',')}) on delete ${fk.onDelete ?? 'no action'}`;
    })
    .sort();
  const checks = config.checks.map((c) => c.name).sort();
  return { columns, primaryKey, indexes, foreignKeys, checks };
}

const sqliteShape = (t: SQLiteTable) => {
  const config = sqliteConfig(t);
  const s = shape(config, (c) => c.columnType);
  return { name: config.name, shape: s };
};

const pgShape = (t: PgTable) => {
  const config = pgConfig(t);
  const s = shape(config, (c) => c.getSQLType());
  return { name: config.name, shape: s };
};

/** Every difference between a SQLite table and its PostgreSQL twin, as readable lines. */
function differences(sqlite: SQLiteTable, pg: PgTable): string[] {
  const a = sqliteShape(sqlite);
  const b = pgShape(pg);
  const out: string[] = [];
  const table = a.name;
  if (a.name !== b.name) out.push(`${table}: pg table is named ${b.name}`);
  const names = new Set([...Object.keys(a.shape.columns), ...Object.keys(b.shape.columns)]);
  for (const col of names) {
    const x = a.shape.columns[col];
    const y = b.shape.columns[col];
    if (!x) {
      out.push(`${table}.${col}: only in PostgreSQL`);
      continue;
    }
    if (!y) {
      out.push(`${table}.${col}: only in SQLite`);
      continue;
    }
    const allowed = TYPE_MAP[x.sql] ?? [];
    if (!allowed.includes(y.sql)) out.push(`${table}.${col}: ${x.sql} stored as ${y.sql}`);
    for (const key of ['notNull', 'primary', 'unique', 'enum', 'default'] as const) {
      if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) {
        out.push(`${table}.${col}: ${key} ${JSON.stringify(x[key])} vs ${JSON.stringify(y[key])}`);
      }
    }
  }
  for (const key of ['primaryKey', 'indexes', 'foreignKeys', 'checks'] as const) {
    if (JSON.stringify(a.shape[key]) !== JSON.stringify(b.shape[key])) {
      out.push(`${table}: ${key} ${JSON.stringify(a.shape[key])} vs ${JSON.stringify(b.shape[key])}`);
    }
  }
  return out;
}

const sqliteTables = Object.values(sqliteSchema as Record<string, unknown>).filter((v): v is SQLiteTable =>
  is(v, SQLiteTable),
);
const pgTables = Object.values(pgSchema as Record<string, unknown>).filter((v): v is PgTable =>
  is(v, PgTable),
);
const byName = <T>(tables: T[], nameOf: (t: T) => string) => new Map(tables.map((t) => [nameOf(t), t]));
const sqliteByName = byName(sqliteTables, (t) => sqliteConfig(t).name);
const pgByName = byName(pgTables, (t) => pgConfig(t).name);

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('has the same tables', () => {
    expect(sqliteTables.length).toBeGreaterThan(50);
    expect([...pgByName.keys()].sort()).toEqual([...sqliteByName.keys()].sort());
  });

  it('has per table the same columns, nullability, keys, indexes, foreign keys and mapped types', () => {
    const all = [...sqliteByName].flatMap(([name, table]) => {
      const twin = pgByName.get(name);
      return twin ? differences(table, twin) : [`${name}: no PostgreSQL table`];
    });
    expect(all).toEqual([]);
  });

  it('maps each SQLite column kind the schema uses (so the type table is not dead)', () => {
    const used = new Set(sqliteTables.flatMap((t) => sqliteConfig(t).columns.map((c) => c.columnType)));
    expect([...used].sort()).toEqual(Object.keys(TYPE_MAP).sort());
  });

  it('detects drift: a column on one side only, a changed nullability, a missing foreign key', () => {
    const parent = sqliteTable('drift_parent', { id: sqliteInteger().primaryKey() });
    const parentPg = pgTable('drift_parent', { id: pgInteger().primaryKey() });
    const a = sqliteTable('drift', {
      id: sqliteInteger().primaryKey(),
      parentId: sqliteInteger()
        .notNull()
        .references(() => parent.id, { onDelete: 'cascade' }),
      note: sqliteText().notNull(),
      extra: sqliteText(),
    });
    const b = pgTable('drift', {
      id: pgInteger().primaryKey(),
      parentId: pgInteger()
        .notNull()
        .references(() => parentPg.id, { onDelete: 'cascade' }),
      note: pgText(),
      onlyPg: pgText(),
    });
    expect(differences(a, b)).toEqual([
      'drift.note: notNull true vs false',
      'drift.extra: only in SQLite',
      'drift.only_pg: only in PostgreSQL',
    ]);
    const c = sqliteTable('drift', { id: sqliteInteger().primaryKey(), parentId: sqliteInteger() });
    const d = pgTable('drift', {
      id: pgInteger().primaryKey(),
      parentId: pgInteger().references(() => parentPg.id),
    });
    expect(differences(c, d)).toEqual([
      'drift: foreignKeys [] vs ["drift_parentId_drift_parent_id_fk: (parent_id) → drift_parent(id) on delete no action"]',
    ]);
  });
});
