import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id } from './columns';
import { areas } from './core';

export const vehicles = sqliteTable('vehicles', {
  id: id(),
  areaId: integer()
    .notNull()
    .references(() => areas.id),
  name: text().notNull(),
  plate: text().notNull().unique(),
  seats: integer().notNull(),
  depotLat: real().notNull(),
  depotLon: real().notNull(),
  /** Shift in Tokyo local time, 'HH:MM'. */
  shiftStart: text().notNull(),
  shiftEnd: text().notNull(),
});

/** Common destinations offered on the TV (hospital, clinics, supermarket, city hall, station …). */
export const places = sqliteTable('places', {
  id: id(),
  name: text().notNull(),
  kana: text().notNull(),
  kind: text({ enum: ['hospital', 'clinic', 'supermarket', 'city_hall', 'station', 'pharmacy', 'other'] }).notNull(),
  address: text().notNull(),
  lat: real().notNull(),
  lon: real().notNull(),
});
