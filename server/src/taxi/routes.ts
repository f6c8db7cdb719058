import { createRoute, z } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { deviceRoute, staffRoute } from '../auth/route-config';
import { eq } from 'drizzle-orm';
import { taxiBookings } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { errorResponses, IdParam, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { tokyoDate, TokyoDateSchema } from '../lib/tokyo';
import { assignDriverVehicle, getDriverVehicleId, handBackVehicle } from './assign-driver-vehicle';
import { bookTaxi, BookTaxiAnswerSchema, BookTaxiInput } from './book-taxi';
import { BookingViewSchema } from './booking-view';
import { cancelBooking } from './cancel-booking';
import { DayPlanSchema, getDayPlan } from './get-day-plan';
import { BookingOptionsSchema, getBookingOptions } from './get-booking-options';
import { getManifest, ManifestSchema } from './get-manifest';
import { listHouseholdBookings } from './list-household-bookings';
import { recordRideEvent } from './record-ride-event';
import { DepartureSchema, recordDeparture } from './record-departure';
import { getRideStatus, RideStatusSchema } from './get-ride-status';
import { FarePreviewQuery, FarePreviewSchema, parseRiderIds, previewFare } from './fare-preview';
import { publishRideEvent } from './live-events';
import { exportGtfsFlex } from './gtfs-flex';
import { getTaxiSettings, saveTaxiSettings, TaxiSettingsSchema } from './taxi-settings';

export const taxiApi = createRouter();

const BookingList = z.object({ bookings: z.array(BookingViewSchema) }).openapi('TaxiBookingList');
const DateQuery = z.object({
  date: TokyoDateSchema.optional().openapi({ param: { name: 'date', in: 'query' }, example: '2026-11-24' }),
});

// --- TV: the box's own household ---

taxiApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/options',
    tags: ['taxi'],
    summary:
      'Who may ride, destinations and bookable times of today or, when today is over, the next service day',
    responses: { 200: jsonResponse(BookingOptionsSchema) },
  }),
  async (c) =>
    c.json(
      await getBookingOptions(c.var.deps.db, c.var.device.householdId, c.var.deps.clock.now(), {
        nextDay: true,
      }),
      200,
    ),
);

taxiApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/bookings',
    tags: ['taxi'],
    summary:
      'Book a same-day ride (idempotent by key); answers a promised window or a refusal with alternatives',
    request: jsonBody(BookTaxiInput),
    responses: { 200: jsonResponse(BookTaxiAnswerSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { householdId, boxId } = c.var.device;
    return c.json(
      await bookTaxi(
        db,
        c.req.valid('json'),
        { householdId, channel: 'tv', actor: { type: 'device', id: boxId } },
        clock.now(),
      ),
      200,
    );
  },
);

taxiApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/bookings',
    tags: ['taxi'],
    summary: "The household's bookings from today on, with their status",
    responses: { 200: jsonResponse(BookingList) },
  }),
  async (c) =>
    c.json(
      {
        bookings: await listHouseholdBookings(
          c.var.deps.db,
          c.var.device.householdId,
          c.var.deps.clock.now(),
        ),
      },
      200,
    ),
);

taxiApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/bookings/{id}/cancel',
    tags: ['taxi'],
    summary: 'Cancel an own booking up to its pickup window',
    request: { params: IdParam },
    responses: { 200: jsonResponse(BookingViewSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { householdId, boxId } = c.var.device;
    const { id } = c.req.valid('param');
    return c.json(await cancelBooking(db, id, householdId, { type: 'device', id: boxId }, clock.now()), 200);
  },
);

taxiApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/fare',
    tags: ['taxi'],
    summary: 'The fare these riders of the household would pay for one ride booked on the TV',
    request: { query: FarePreviewQuery },
    responses: { 200: jsonResponse(FarePreviewSchema) },
  }),
  async (c) =>
    c.json(
      await previewFare(
        c.var.deps.db,
        c.var.device.householdId,
        parseRiderIds(c.req.valid('query').riderIds),
        'tv',
      ),
      200,
    ),
);

taxiApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/rides/status',
    tags: ['taxi'],
    summary: "The household's rides whose car is on its way to the pickup, with minutes to go (polled)",
    responses: { 200: jsonResponse(RideStatusSchema) },
  }),
  async (c) =>
    c.json(await getRideStatus(c.var.deps.db, c.var.device.householdId, c.var.deps.clock.now()), 200),
);

// --- Call centre: for residents who phone ---

taxiApi.openapi(
  staffRoute(['call_centre'], {
    method: 'get',
    path: '/staff/households/{id}/options',
    tags: ['taxi'],
    summary: 'Booking options of a household (call centre)',
    request: { params: IdParam },
    responses: { 200: jsonResponse(BookingOptionsSchema) },
  }),
  async (c) =>
    c.json(await getBookingOptions(c.var.deps.db, c.req.valid('param').id, c.var.deps.clock.now()), 200),
);

taxiApi.openapi(
  staffRoute(['call_centre'], {
    method: 'post',
    path: '/staff/households/{id}/bookings',
    tags: ['taxi'],
    summary: 'Book for a household that phoned (call centre)',
    request: { params: IdParam, ...jsonBody(BookTaxiInput) },
    responses: { 200: jsonResponse(BookTaxiAnswerSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const staff = c.var.staff;
    const ctx = {
      householdId: c.req.valid('param').id,
      channel: 'call_centre' as const,
      actor: { type: 'staff' as const, id: staff.id },
      staffId: staff.id,
    };
    return c.json(await bookTaxi(db, c.req.valid('json'), ctx, clock.now()), 200);
  },
);

taxiApi.openapi(
  staffRoute(['call_centre'], {
    method: 'post',
    path: '/staff/bookings/{id}/change',
    tags: ['taxi'],
    summary: 'Change a booking (call centre): the old one is cancelled only if the new one is accepted',
    request: { params: IdParam, ...jsonBody(BookTaxiInput) },
    responses: { 200: jsonResponse(BookTaxiAnswerSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const staff = c.var.staff;
    const old = await db
      .select()
      .from(taxiBookings)
      .where(eq(taxiBookings.id, c.req.valid('param').id))
      .get();
    if (!old) throw notFound('Booking');
    const ctx = {
      householdId: old.householdId,
      channel: 'call_centre' as const,
      actor: { type: 'staff' as const, id: staff.id },
      staffId: staff.id,
      replaces: old,
    };
    return c.json(await bookTaxi(db, c.req.valid('json'), ctx, clock.now()), 200);
  },
);

taxiApi.openapi(
  staffRoute(['call_centre'], {
    method: 'post',
    path: '/staff/bookings/{id}/cancel',
    tags: ['taxi'],
    summary: 'Cancel a booking up to its pickup window (call centre)',
    request: { params: IdParam },
    responses: { 200: jsonResponse(BookingViewSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(
      await cancelBooking(
        db,
        c.req.valid('param').id,
        null,
        { type: 'staff', id: c.var.staff.id },
        clock.now(),
      ),
      200,
    );
  },
);

// --- Drivers ---

const VehicleInput = z.object({ vehicleId: z.number().int().positive() }).openapi('DriverVehicleInput');

taxiApi.openapi(
  staffRoute(['driver'], {
    method: 'put',
    path: '/driver/vehicle',
    tags: ['taxi'],
    summary: 'Choose the vehicle the signed-in driver drives',
    request: jsonBody(VehicleInput),
    responses: { 200: jsonResponse(VehicleInput) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { vehicleId } = c.req.valid('json');
    await assignDriverVehicle(
      db,
      c.var.staff.id,
      vehicleId,
      { type: 'staff', id: c.var.staff.id },
      clock.now(),
    );
    return c.json({ vehicleId }, 200);
  },
);

const HeldVehicle = z.object({ vehicleId: z.number().nullable() }).openapi('DriverHeldVehicle');

taxiApi.openapi(
  staffRoute(['driver'], {
    method: 'delete',
    path: '/driver/vehicle',
    tags: ['taxi'],
    summary: 'The signed-in driver hands their vehicle back, so another driver may take it',
    responses: { 200: jsonResponse(HeldVehicle) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    await handBackVehicle(db, c.var.staff.id, { type: 'staff', id: c.var.staff.id }, clock.now());
    return c.json({ vehicleId: null }, 200);
  },
);

const ReassignInput = z.object({ staffId: z.number().int().positive() }).openapi('VehicleReassignInput');

taxiApi.openapi(
  staffRoute(['admin'], {
    method: 'put',
    path: '/vehicles/{id}/driver',
    tags: ['taxi'],
    summary: 'Admin: give a vehicle to a driver, taking it from the driver who holds it',
    request: { params: IdParam, ...jsonBody(ReassignInput) },
    responses: { 200: jsonResponse(VehicleInput) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const vehicleId = c.req.valid('param').id;
    await assignDriverVehicle(
      db,
      c.req.valid('json').staffId,
      vehicleId,
      { type: 'staff', id: c.var.staff.id },
      clock.now(),
      {
        reassign: true,
      },
    );
    return c.json({ vehicleId }, 200);
  },
);

const ManifestQuery = DateQuery.extend({
  vehicleId: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ param: { name: 'vehicleId', in: 'query' }, example: 1 }),
});

taxiApi.openapi(
  staffRoute(['driver'], {
    method: 'get',
    path: '/driver/manifest',
    tags: ['taxi'],
    summary: "Today's manifest of the driver's vehicle (other staff name a vehicleId)",
    request: { query: ManifestQuery },
    responses: { 200: jsonResponse(ManifestSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const q = c.req.valid('query');
    const vehicleId =
      c.var.staff.role === 'driver' ? await getDriverVehicleId(db, c.var.staff.id) : (q.vehicleId ?? null);
    const m = vehicleId === null ? null : await getManifest(db, vehicleId, q.date ?? tokyoDate(now), now);
    if (!m) throw notFound('Vehicle');
    return c.json(m, 200);
  },
);

// before the {event} route, which would otherwise claim 'depart' and refuse it
taxiApi.openapi(
  staffRoute(['driver'], {
    method: 'post',
    path: '/driver/bookings/{id}/depart',
    tags: ['taxi'],
    summary: "The driver sets off for this pickup: the household's TV says the taxi is on its way",
    request: { params: IdParam },
    responses: { 200: jsonResponse(DepartureSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await recordDeparture(db, c.req.valid('param').id, c.var.staff, clock.now()), 200);
  },
);

const EventParam = IdParam.extend({
  event: z.enum(['pickup', 'dropoff', 'no-show']).openapi({ param: { name: 'event', in: 'path' } }),
});

taxiApi.openapi(
  staffRoute(['driver'], {
    method: 'post',
    path: '/driver/bookings/{id}/{event}',
    tags: ['taxi'],
    summary: 'Report picked up, dropped off or no-show (after the grace time)',
    request: { params: EventParam },
    responses: { 200: jsonResponse(BookingViewSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id, event } = c.req.valid('param');
    const e = event === 'no-show' ? 'no_show' : event;
    const view = await recordRideEvent(db, id, e, c.var.staff, clock.now());
    await publishRideEvent(c.var.deps, id, e);
    return c.json(view, 200);
  },
);

// --- City staff ---

taxiApi.openapi(
  staffRoute(['city_staff'], {
    method: 'get',
    path: '/city/day',
    tags: ['taxi'],
    summary: "The day's plan per vehicle and its figures",
    request: { query: DateQuery },
    responses: { 200: jsonResponse(DayPlanSchema) },
  }),
  async (c) => {
    const now = c.var.deps.clock.now();
    return c.json(await getDayPlan(c.var.deps.db, c.req.valid('query').date ?? tokyoDate(now), now), 200);
  },
);

taxiApi.openapi(
  staffRoute(['city_staff'], {
    method: 'get',
    path: '/city/settings',
    tags: ['taxi'],
    summary: 'Service hours per area, notice, grace, fares',
    responses: { 200: jsonResponse(TaxiSettingsSchema.openapi('TaxiSettings')) },
  }),
  async (c) => c.json(await getTaxiSettings(c.var.deps.db), 200),
);

taxiApi.openapi(
  staffRoute(['city_staff'], {
    method: 'put',
    path: '/city/settings',
    tags: ['taxi'],
    summary: 'Replace the taxi settings',
    request: jsonBody(TaxiSettingsSchema),
    responses: { 200: jsonResponse(TaxiSettingsSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const v = c.req.valid('json');
    await saveTaxiSettings(db, v, clock.now());
    return c.json(await getTaxiSettings(db), 200);
  },
);

// --- Public: the service as GTFS-Flex, for journey planners ---

taxiApi.openapi(
  createRoute({
    method: 'get',
    path: '/gtfs-flex.zip',
    tags: ['taxi'],
    summary:
      'The shared taxi as a GTFS dataset with the Flex extension (zones, booking rules, hours, fares); public, like every GTFS feed',
    middleware: [etag()] as const,
    responses: {
      200: {
        description: 'GTFS zip (see docs/gtfs-flex.md)',
        content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses,
    },
  }),
  // No login and no personal data: GTFS feeds are published for anyone's planner to fetch. It is
  // built from a few rows in milliseconds; caches may keep it for an hour, and a planner sending
  // If-None-Match gets 304 while the service is unchanged.
  async (c) => {
    const { db, clock, config } = c.var.deps;
    const zip = await exportGtfsFlex(db, clock.now(), config);
    return c.body(zip, 200, {
      'content-type': 'application/zip',
      'content-disposition': 'attachment; filename="gtfs-flex.zip"',
      'cache-control': 'public, max-age=3600',
    });
  },
);
