import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamp } from './columns';
import { areas, households, residents, staffUsers } from './core';

export const vehicles = pgTable('vehicles', {
  id: id(),
  areaId: integer()
    .notNull()
    .references(() => areas.id),
  name: text().notNull(),
  plate: text().notNull().unique(),
  seats: integer().notNull(),
  depotLat: doublePrecision().notNull(),
  depotLon: doublePrecision().notNull(),
  /** Shift in Tokyo local time, 'HH:MM'. */
  shiftStart: text().notNull(),
  shiftEnd: text().notNull(),
});

/** Common destinations offered on the TV (hospital, clinics, supermarket, city hall, station …). */
export const places = pgTable('places', {
  id: id(),
  name: text().notNull(),
  kana: text().notNull(),
  kind: text({
    enum: ['hospital', 'clinic', 'supermarket', 'city_hall', 'station', 'pharmacy', 'other'],
  }).notNull(),
  address: text().notNull(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
});

export const TAXI_BOOKING_STATUSES = ['booked', 'on_board', 'arrived', 'no_show', 'cancelled'] as const;
export type TaxiBookingStatus = (typeof TAXI_BOOKING_STATUSES)[number];

/**
 * One shared-taxi ride of one household: who rides, from where to where, and what was promised.
 * The promised window (pickupFrom..pickupTo, latestArrival) is the contract the dispatcher keeps
 * when it rebuilds or re-optimises the day's plan; plannedPickupAt/plannedDropoffAt and vehicleId
 * are the current plan (they may move inside the promise).
 */
export const taxiBookings = pgTable(
  'taxi_bookings',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    /** The resident who booked (or was booked for); riders lists everyone of the household aboard. */
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    riderIds: jsonb().$type<number[]>().notNull(),
    /** Riders plus companions (付き添い), 1–3. */
    passengers: integer().notNull(),
    channel: text({ enum: ['tv', 'call_centre'] }).notNull(),
    idempotencyKey: text().notNull(),
    /** Tokyo date of the ride. */
    serviceDate: text().notNull(),
    timeKind: text({ enum: ['arrive_by', 'leave_after'] }).notNull(),
    /** Requested Tokyo time 'HH:MM' (a 15-minute step). */
    requestedTime: text().notNull(),
    pickupLabel: text().notNull(),
    pickupLat: doublePrecision().notNull(),
    pickupLon: doublePrecision().notNull(),
    pickupPlaceId: integer().references(() => places.id),
    dropoffLabel: text().notNull(),
    dropoffLat: doublePrecision().notNull(),
    dropoffLon: doublePrecision().notNull(),
    dropoffPlaceId: integer().references(() => places.id),
    vehicleId: integer()
      .notNull()
      .references(() => vehicles.id),
    pickupFrom: timestamp().notNull(),
    pickupTo: timestamp().notNull(),
    expectedArrival: timestamp().notNull(),
    latestArrival: timestamp().notNull(),
    plannedPickupAt: timestamp().notNull(),
    plannedDropoffAt: timestamp().notNull(),
    /** Minutes of the direct trip, for detour figures. */
    directMinutes: doublePrecision().notNull(),
    /** Fare per rider (resident id → yen) fixed when booked. */
    fares: jsonb().$type<Record<string, number>>().notNull(),
    status: text({ enum: TAXI_BOOKING_STATUSES }).notNull(),
    /** The outbound booking this one is the way back of. */
    returnOfId: integer(),
    createdByStaffId: integer().references(() => staffUsers.id),
    createdAt: createdAt(),
    /** When the driver set off for this pickup (the TV then says the taxi is on its way). */
    departedAt: timestamp(),
    /** The dispatcher's estimate, at departure, of when the car reaches the pickup. */
    pickupEtaAt: timestamp(),
    pickedUpAt: timestamp(),
    droppedOffAt: timestamp(),
    noShowAt: timestamp(),
    cancelledAt: timestamp(),
  },
  (t) => [
    uniqueIndex('taxi_bookings_household_key_uq').on(t.householdId, t.idempotencyKey),
    index('taxi_bookings_date_vehicle_idx').on(t.serviceDate, t.vehicleId),
    index('taxi_bookings_household_date_idx').on(t.householdId, t.serviceDate),
  ],
);

/**
 * Which vehicle a driver holds (chosen on the tablet, or assigned by an admin). One driver per
 * vehicle: the row is the vehicle's key until the driver hands it back (the row is deleted).
 */
export const driverVehicles = pgTable(
  'driver_vehicles',
  {
    staffId: integer()
      .primaryKey()
      .references(() => staffUsers.id),
    vehicleId: integer()
      .notNull()
      .references(() => vehicles.id),
    updatedAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('driver_vehicles_vehicle_uq').on(t.vehicleId)],
);

/** A resident's favourite destinations, offered first on the TV. */
export const taxiFavourites = pgTable(
  'taxi_favourites',
  {
    id: id(),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    placeId: integer()
      .notNull()
      .references(() => places.id),
    sort: integer().notNull(),
  },
  (t) => [uniqueIndex('taxi_favourites_resident_place_uq').on(t.residentId, t.placeId)],
);

/**
 * A driver's tablet action by its idempotency key: a tap queued offline and sent again when the
 * signal returns is recognised here and changes nothing the second time.
 */
export const rideEventKeys = pgTable(
  'ride_event_keys',
  {
    id: id(),
    staffId: integer()
      .notNull()
      .references(() => staffUsers.id),
    key: text().notNull(),
    bookingId: integer()
      .notNull()
      .references(() => taxiBookings.id),
    event: text({ enum: ['pickup', 'dropoff', 'no_show', 'undo'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ride_event_keys_staff_key_uq').on(t.staffId, t.key)],
);
