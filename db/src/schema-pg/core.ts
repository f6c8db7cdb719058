import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestamp } from './columns';

export const STAFF_ROLES = [
  'admin',
  'city_staff',
  'drone_operator',
  'store_staff',
  'support_worker',
  'driver',
  'call_centre',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const municipalities = pgTable('municipalities', {
  id: id(),
  name: text().notNull(),
  code: text().notNull().unique(),
});

export const areas = pgTable('areas', {
  id: id(),
  municipalityId: integer()
    .notNull()
    .references(() => municipalities.id),
  name: text().notNull(),
});

/** A hamlet (集落) and its community hall, which is also the drone landing site. */
export const hamlets = pgTable('hamlets', {
  id: id(),
  areaId: integer()
    .notNull()
    .references(() => areas.id),
  name: text().notNull(),
  kana: text().notNull(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
  hallName: text().notNull(),
  hallLat: doublePrecision().notNull(),
  hallLon: doublePrecision().notNull(),
});

export const households = pgTable('households', {
  id: id(),
  hamletId: integer()
    .notNull()
    .references(() => hamlets.id),
  name: text().notNull(),
  address: text().notNull(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
  phone: text(),
  cableCustomerNo: text().notNull().unique(),
  /** First day of shopping membership (Tokyo date); null when not a shopping member. */
  shopMemberSince: text(),
  createdAt: createdAt(),
});

export const residents = pgTable(
  'residents',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    name: text().notNull(),
    kana: text().notNull(),
    birthDate: text().notNull(),
    licenceReturned: boolean().notNull().default(false),
    disabled: boolean().notNull().default(false),
    intractableDisease: boolean().notNull().default(false),
    unableToDrive: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('residents_household_idx').on(t.householdId)],
);

/** A set-top box; the bearer token is stored only as its SHA-256 hash. */
export const setTopBoxes = pgTable('set_top_boxes', {
  id: id(),
  deviceId: text().notNull().unique(),
  tokenHash: text().notNull().unique(),
  householdId: integer()
    .notNull()
    .references(() => households.id),
  createdAt: createdAt(),
  revokedAt: timestamp(),
});

export const familyContacts = pgTable(
  'family_contacts',
  {
    id: id(),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    name: text().notNull(),
    relation: text().notNull(),
    email: text().notNull(),
    /** A number to ring when an alert is not answered by email (optional). */
    phone: text(),
    priority: integer().notNull(),
    optInAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('family_contacts_priority_uq').on(t.residentId, t.priority)],
);

export const staffUsers = pgTable('staff_users', {
  id: id(),
  loginId: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: STAFF_ROLES }).notNull(),
  /** Work address for alerts and notices (support workers, city staff). */
  email: text(),
  passwordHash: text().notNull(),
  /** Support workers serve one hamlet. */
  hamletId: integer().references(() => hamlets.id),
  /** Store staff work for one seller. */
  sellerId: integer(),
  createdAt: createdAt(),
  disabledAt: timestamp(),
});

export const staffSessions = pgTable('staff_sessions', {
  /** SHA-256 of the cookie value. */
  id: text().primaryKey(),
  staffId: integer()
    .notNull()
    .references(() => staffUsers.id),
  createdAt: createdAt(),
  expiresAt: timestamp().notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp().notNull(),
    actorType: text({ enum: ['staff', 'device', 'family', 'system'] }).notNull(),
    actorId: integer(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);

export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp().notNull().defaultNow(),
});

/**
 * An unregistered box announcing its 8-digit number (RFC 8628-style device pairing): staff pair
 * the number with a household, and the box collects its token by proving it holds the secret
 * whose SHA-256 it sent. No token is stored here: it is made when the box collects it.
 */
export const boxPairingRequests = pgTable('box_pairing_requests', {
  id: id(),
  code: text().notNull().unique(),
  secretHash: text().notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp().notNull(),
  boxId: integer().references(() => setTopBoxes.id),
  pairedAt: timestamp(),
  claimedAt: timestamp(),
});
