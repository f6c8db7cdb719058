import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id } from './columns';

export const dronePorts = sqliteTable('drone_ports', {
  id: id(),
  name: text().notNull(),
  lat: real().notNull(),
  lon: real().notNull(),
});

export const drones = sqliteTable('drones', {
  id: id(),
  portId: integer()
    .notNull()
    .references(() => dronePorts.id),
  name: text().notNull(),
  /** Airframe registration mark (登録記号). */
  registrationMark: text().notNull().unique(),
  model: text().notNull(),
  payloadG: integer().notNull().default(5000),
  cruiseSpeedMps: real().notNull().default(12),
  turnaroundMin: integer().notNull().default(20),
});
