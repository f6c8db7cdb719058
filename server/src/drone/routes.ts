import { z } from '@hono/zod-openapi';
import { staffRoute } from '../auth/route-config';
import type { Actor } from '../lib/audit';
import { IdParam, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter, type StaffAuth } from '../lib/router';
import { abortFlight, AbortInput } from './abort-flight';
import { exportFlightLog, FlightLogQuery } from './export-flight-log';
import { exportRoutePlan } from './export-route-plan';
import { getDayBoard } from './get-day-board';
import { launchFlight, LaunchInput } from './launch-flight';
import { landFlight } from './land-flight';
import { moveCarParcels } from './move-car-parcels';
import { planDeliveryDay } from './plan-delivery-day';
import { DailyInspectionInput, recordDailyInspection } from './record-daily-inspection';
import { MaintenanceInput, recordMaintenance } from './record-maintenance';
import { recordWeatherCheck, WeatherCheckInput } from './record-weather-check';
import { returnFlight, ReturnInput } from './return-flight';
import { RouteInput, saveRoute } from './save-route';
import { publishCarEvent, publishFlightEvent, publishWeatherDecision } from './live-events';
import { TokyoDateSchema } from '../lib/tokyo';

export const droneApi = createRouter();

const actorOf = (s: StaffAuth): Actor & { id: number } => ({ type: 'staff', id: s.id });
const Json = z.record(z.string(), z.unknown());
const DateParam = z.object({
  date: TokyoDateSchema,
});
const DayHallParam = DateParam.extend({
  hamletId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'hamletId', in: 'path' }, example: 1 }),
});
const HamletParam = DayHallParam.pick({ hamletId: true });

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'get',
    path: '/days/{date}/board',
    tags: ['drone'],
    summary: "The drone base's board for a delivery day",
    request: { params: DateParam },
    responses: { 200: jsonResponse(Json) },
  }),
  async (c) => c.json(await getDayBoard(c.var.deps.db, c.req.valid('param').date), 200),
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'post',
    path: '/days/{date}/plan',
    tags: ['drone'],
    summary: 'Run the cut-off plan now (idempotent: a planned day is left as it is)',
    request: { params: DateParam },
    responses: { 200: jsonResponse(Json) },
  }),
  async (c) =>
    c.json(
      await planDeliveryDay(
        c.var.deps.db,
        c.req.valid('param').date,
        actorOf(c.var.staff),
        c.var.deps.clock.now(),
      ),
      200,
    ),
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'post',
    path: '/days/{date}/weather-checks',
    tags: ['drone'],
    summary: 'Record a weather check; the board applies the wind/rain rule',
    request: { params: DateParam, ...jsonBody(WeatherCheckInput) },
    responses: { 201: jsonResponse(Json) },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const out = await recordWeatherCheck(
      c.var.deps.db,
      c.req.valid('param').date,
      input,
      actorOf(c.var.staff),
      c.var.deps.clock.now(),
    );
    publishWeatherDecision(c.var.deps, input.hamletId ?? null, out.mode);
    for (const id of out.cancelledFlightIds) await publishFlightEvent(c.var.deps, id, 'flight.cancelled');
    return c.json(out, 201);
  },
);

const flightAction = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  staffRoute(['drone_operator'], {
    method: 'post',
    path,
    tags: ['drone'],
    summary,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: jsonResponse(Json) },
  });

droneApi.openapi(flightAction('/flights/{id}/launch', 'Mark a flight launched', LaunchInput), async (c) => {
  const id = c.req.valid('param').id;
  const out = await launchFlight(
    c.var.deps.db,
    id,
    c.req.valid('json'),
    actorOf(c.var.staff),
    c.var.deps.clock.now(),
  );
  await publishFlightEvent(c.var.deps, id, 'flight.launched');
  return c.json(out, 200);
});
droneApi.openapi(
  flightAction('/flights/{id}/land', 'Mark a flight landed at the hall', z.object({})),
  async (c) => {
    const id = c.req.valid('param').id;
    const out = await landFlight(c.var.deps.db, id, actorOf(c.var.staff), c.var.deps.clock.now());
    await publishFlightEvent(c.var.deps, id, 'flight.landed');
    return c.json(out, 200);
  },
);
droneApi.openapi(
  flightAction('/flights/{id}/return', 'Mark a flight back at the port', ReturnInput),
  async (c) => {
    const id = c.req.valid('param').id;
    const out = await returnFlight(
      c.var.deps.db,
      id,
      c.req.valid('json'),
      actorOf(c.var.staff),
      c.var.deps.clock.now(),
    );
    await publishFlightEvent(c.var.deps, id, 'flight.returned');
    return c.json(out, 200);
  },
);
droneApi.openapi(
  flightAction('/flights/{id}/abort', 'Abort a flight; its parcels are re-planned', AbortInput),
  async (c) => {
    const id = c.req.valid('param').id;
    const out = await abortFlight(
      c.var.deps.db,
      id,
      c.req.valid('json'),
      actorOf(c.var.staff),
      c.var.deps.clock.now(),
    );
    await publishFlightEvent(c.var.deps, id, 'flight.aborted');
    return c.json(out, 200);
  },
);

for (const step of ['dispatch', 'arrive'] as const) {
  droneApi.openapi(
    staffRoute(['drone_operator'], {
      method: 'post',
      path: `/days/{date}/car/{hamletId}/${step}`,
      tags: ['drone'],
      summary: step === 'dispatch' ? "The car leaves with a hall's car parcels" : 'The car reached the hall',
      request: { params: DayHallParam },
      responses: { 200: jsonResponse(Json) },
    }),
    async (c) => {
      const { date, hamletId } = c.req.valid('param');
      const out = await moveCarParcels(
        c.var.deps.db,
        date,
        hamletId,
        step,
        actorOf(c.var.staff),
        c.var.deps.clock.now(),
      );
      publishCarEvent(c.var.deps, hamletId, step);
      return c.json(out, 200);
    },
  );
}

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'put',
    path: '/routes/{hamletId}',
    tags: ['drone'],
    summary: "Replace a landing site's route (waypoints)",
    request: { params: HamletParam, ...jsonBody(RouteInput) },
    responses: { 200: jsonResponse(Json) },
  }),
  async (c) =>
    c.json(
      await saveRoute(
        c.var.deps.db,
        c.req.valid('param').hamletId,
        c.req.valid('json'),
        actorOf(c.var.staff),
        c.var.deps.clock.now(),
      ),
      200,
    ),
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'get',
    path: '/routes/{hamletId}/plan',
    tags: ['drone'],
    summary: "A landing site's route as a QGroundControl .plan file",
    request: { params: HamletParam },
    responses: { 200: jsonResponse(Json, 'QGroundControl plan') },
  }),
  async (c) => {
    const { fileName, plan } = await exportRoutePlan(c.var.deps.db, c.req.valid('param').hamletId);
    c.header('content-disposition', `attachment; filename="${fileName}"`);
    return c.json(plan, 200);
  },
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'post',
    path: '/drones/{id}/inspections',
    tags: ['drone'],
    summary: 'Record the daily inspection (日常点検) of an airframe',
    request: { params: IdParam, ...jsonBody(DailyInspectionInput) },
    responses: { 201: jsonResponse(Json) },
  }),
  async (c) =>
    c.json(
      await recordDailyInspection(
        c.var.deps.db,
        c.req.valid('param').id,
        c.req.valid('json'),
        actorOf(c.var.staff),
        c.var.deps.clock.now(),
      ),
      201,
    ),
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'post',
    path: '/drones/{id}/maintenance',
    tags: ['drone'],
    summary: 'Record inspection and maintenance work (点検整備記録)',
    request: { params: IdParam, ...jsonBody(MaintenanceInput) },
    responses: { 201: jsonResponse(Json) },
  }),
  async (c) =>
    c.json(
      await recordMaintenance(
        c.var.deps.db,
        c.req.valid('param').id,
        c.req.valid('json'),
        actorOf(c.var.staff),
        c.var.deps.clock.now(),
      ),
      201,
    ),
);

droneApi.openapi(
  staffRoute(['drone_operator'], {
    method: 'get',
    path: '/drones/{id}/flight-log',
    tags: ['drone'],
    summary: "An airframe's flight log (飛行日誌) over a period, as CSV",
    request: { params: IdParam, query: FlightLogQuery },
    responses: {
      200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    },
  }),
  async (c) => {
    const { fileName, csv } = await exportFlightLog(
      c.var.deps.db,
      c.req.valid('param').id,
      c.req.valid('query'),
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${fileName}"`);
    return c.body(csv, 200);
  },
);
