import { customType, integer, timestamp as pgTimestamp } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL twins of db/src/schema/columns.ts. Instants are timestamptz (the SQLite schema
 * keeps epoch milliseconds in an integer); business dates stay 'YYYY-MM-DD' text in Asia/Tokyo.
 * Both read back as a JS Date, so code written against one schema reads the other the same way.
 */
export const timestamp = (name?: string) =>
  name
    ? pgTimestamp(name, { withTimezone: true, mode: 'date' })
    : pgTimestamp({ withTimezone: true, mode: 'date' });

export const createdAt = () => pgTimestamp({ withTimezone: true, mode: 'date' }).notNull();

/** An identity column (SQL standard) rather than serial; BY DEFAULT so seeds and copies may set ids. */
export const id = () => integer().primaryKey().generatedByDefaultAsIdentity();

/**
 * drizzle-orm 0.45's pg-core has no bytea builder; SQLite's blob({ mode: 'buffer' }) is a Buffer,
 * and node-postgres reads bytea as a Buffer too.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
