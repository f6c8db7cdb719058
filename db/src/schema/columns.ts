import { integer } from 'drizzle-orm/sqlite-core';

/** Instants are stored as epoch milliseconds; business dates as 'YYYY-MM-DD' text in Asia/Tokyo. */
export const timestamp = (name?: string) =>
  name ? integer(name, { mode: 'timestamp_ms' }) : integer({ mode: 'timestamp_ms' });

export const createdAt = () => integer({ mode: 'timestamp_ms' }).notNull();

export const id = () => integer().primaryKey({ autoIncrement: true });
