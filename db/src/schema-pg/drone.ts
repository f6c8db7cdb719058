import { sql } from 'drizzle-orm';
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
import { hamlets, staffUsers } from './core';
import { orders } from './shop';

export const dronePorts = pgTable('drone_ports', {
  id: id(),
  name: text().notNull(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
});

export const drones = pgTable('drones', {
  id: id(),
  portId: integer()
    .notNull()
    .references(() => dronePorts.id),
  name: text().notNull(),
  /** Airframe registration mark (登録記号). */
  registrationMark: text().notNull().unique(),
  model: text().notNull(),
  payloadG: integer().notNull().default(5000),
  cruiseSpeedMps: doublePrecision().notNull().default(12),
  turnaroundMin: integer().notNull().default(20),
});

export const DRONE_FLIGHT_STATUSES = [
  'planned',
  'launched',
  'landed',
  'returned',
  'aborted',
  'cancelled',
] as const;
export type DroneFlightStatus = (typeof DRONE_FLIGHT_STATUSES)[number];

/** The route from the port to one landing site (a hamlet's hall), flown one way and back. */
export const droneRoutes = pgTable(
  'drone_routes',
  {
    id: id(),
    portId: integer()
      .notNull()
      .references(() => dronePorts.id),
    hamletId: integer()
      .notNull()
      .references(() => hamlets.id),
    /** Port → waypoints → hall, great-circle metres; kept in step with the waypoints. */
    lengthM: doublePrecision().notNull(),
    takeoffAltM: doublePrecision().notNull().default(30),
    portAltAmslM: doublePrecision().notNull().default(800),
    updatedAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('drone_routes_hamlet_uq').on(t.hamletId)],
);

export const droneRouteWaypoints = pgTable(
  'drone_route_waypoints',
  {
    id: id(),
    routeId: integer()
      .notNull()
      .references(() => droneRoutes.id),
    seq: integer().notNull(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    altM: doublePrecision().notNull(),
  },
  (t) => [uniqueIndex('drone_route_waypoints_seq_uq').on(t.routeId, t.seq)],
);

/** One cut-off planning per delivery day; the unique date makes the job idempotent. */
export const dronePlanRuns = pgTable('drone_plan_runs', {
  id: id(),
  deliveryDate: text().notNull().unique(),
  plannedAt: timestamp().notNull(),
  actorType: text({ enum: ['staff', 'system'] }).notNull(),
  actorId: integer(),
  flights: integer().notNull(),
  byDrone: integer().notNull(),
  byCar: integer().notNull(),
});

export const droneFlights = pgTable(
  'drone_flights',
  {
    id: id(),
    deliveryDate: text().notNull(),
    /** Departure order within the day; re-planned flights take the next number. */
    seq: integer().notNull(),
    droneId: integer()
      .notNull()
      .references(() => drones.id),
    hamletId: integer()
      .notNull()
      .references(() => hamlets.id),
    status: text({ enum: DRONE_FLIGHT_STATUSES }).notNull(),
    loadG: integer().notNull(),
    plannedDepartAt: timestamp().notNull(),
    plannedReturnAt: timestamp().notNull(),
    launchedAt: timestamp(),
    landedAt: timestamp(),
    returnedAt: timestamp(),
    abortedAt: timestamp(),
    abortReason: text(),
    pilotStaffId: integer().references(() => staffUsers.id),
    /** Set on flights created to carry an aborted flight's parcels. */
    replanOfFlightId: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('drone_flights_day_seq_uq').on(t.deliveryDate, t.seq),
    index('drone_flights_drone_idx').on(t.droneId, t.deliveryDate),
  ],
);

/** Which order rides which flight. `removedAt` marks parcels taken off (abort, weather, cancel). */
export const droneFlightParcels = pgTable(
  'drone_flight_parcels',
  {
    id: id(),
    flightId: integer()
      .notNull()
      .references(() => droneFlights.id),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    weightG: integer().notNull(),
    removedAt: timestamp(),
    removedReason: text(),
  },
  (t) => [
    index('drone_flight_parcels_flight_idx').on(t.flightId),
    // An order is on at most one flight at a time: a parcel is never duplicated.
    uniqueIndex('drone_flight_parcels_active_uq')
      .on(t.orderId)
      .where(sql`removed_at IS NULL`),
  ],
);

/** Every status change of a flight, with time and actor. */
export const droneFlightEvents = pgTable(
  'drone_flight_events',
  {
    id: id(),
    flightId: integer()
      .notNull()
      .references(() => droneFlights.id),
    at: timestamp().notNull(),
    status: text().notNull(),
    actorType: text({ enum: ['staff', 'system'] }).notNull(),
    actorId: integer(),
    note: text(),
  },
  (t) => [index('drone_flight_events_flight_idx').on(t.flightId, t.at)],
);

/** The operator's weather check; `hamletId` null means it covers every landing site. */
export const droneWeatherChecks = pgTable(
  'drone_weather_checks',
  {
    id: id(),
    deliveryDate: text().notNull(),
    hamletId: integer().references(() => hamlets.id),
    checkedAt: timestamp().notNull(),
    checkedByStaffId: integer()
      .notNull()
      .references(() => staffUsers.id),
    groundWindTakeoffMps: doublePrecision().notNull(),
    groundWindLandingMps: doublePrecision().notNull(),
    bands: jsonb().$type<{ fromM: number; toM: number; windMps: number }[]>().notNull(),
    rain: boolean().notNull(),
    mode: text({ enum: ['drone', 'car'] }).notNull(),
    reasons: jsonb().$type<{ code: string; detail: string }[]>().notNull(),
    residentText: text().notNull(),
  },
  (t) => [index('drone_weather_checks_day_idx').on(t.deliveryDate, t.checkedAt)],
);

/** 飛行日誌: the flight record, one row per leg in the air. */
export const droneFlightRecords = pgTable(
  'drone_flight_records',
  {
    id: id(),
    droneId: integer()
      .notNull()
      .references(() => drones.id),
    flightId: integer()
      .notNull()
      .references(() => droneFlights.id),
    leg: text({ enum: ['outbound', 'return'] }).notNull(),
    date: text().notNull(),
    pilotName: text().notNull(),
    pilotLicenceNo: text().notNull(),
    purpose: text().notNull(),
    route: text().notNull(),
    flightMethod: text().notNull(),
    takeoffPlace: text().notNull(),
    takeoffAt: timestamp().notNull(),
    landingPlace: text().notNull(),
    landingAt: timestamp().notNull(),
    flightSec: integer().notNull(),
    totalSec: integer().notNull(),
    safetyNotes: text().notNull(),
    defects: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('drone_flight_records_leg_uq').on(t.flightId, t.leg),
    index('drone_flight_records_drone_idx').on(t.droneId, t.date),
  ],
);

/** 日常点検記録, per airframe per day. */
export const droneDailyInspections = pgTable(
  'drone_daily_inspections',
  {
    id: id(),
    droneId: integer()
      .notNull()
      .references(() => drones.id),
    date: text().notNull(),
    place: text().notNull(),
    inspectorStaffId: integer()
      .notNull()
      .references(() => staffUsers.id),
    inspectorName: text().notNull(),
    results: jsonb().$type<Record<string, 'ok' | 'ng'>>().notNull(),
    passed: boolean().notNull(),
    notes: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('drone_daily_inspections_day_uq').on(t.droneId, t.date)],
);

/** 点検整備記録. */
export const droneMaintenanceRecords = pgTable(
  'drone_maintenance_records',
  {
    id: id(),
    droneId: integer()
      .notNull()
      .references(() => drones.id),
    date: text().notNull(),
    place: text().notNull(),
    performedBy: text().notNull(),
    work: text().notNull(),
    partsReplaced: text().notNull().default(''),
    reason: text().notNull(),
    totalAirTimeSec: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('drone_maintenance_drone_idx').on(t.droneId, t.date)],
);

/** Remote pilot licence (技能証明) of a drone operator, written into every flight record. */
export const dronePilots = pgTable('drone_pilots', {
  staffId: integer()
    .primaryKey()
    .references(() => staffUsers.id),
  licenceNo: text().notNull(),
  updatedAt: timestamp().notNull(),
});
