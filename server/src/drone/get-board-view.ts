import { and, asc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  droneFlightParcels,
  droneFlights,
  dronePilots,
  dronePorts,
  droneRoutes,
  droneRouteWaypoints,
  drones,
  hamlets,
  handovers,
  orderEvents,
  orders,
} from '../../../db/src/schema';
import { addDays } from '../lib/tokyo';
import { orderDeadline } from '../shop/order-deadline';
import { getShopSettings } from '../shop/shop-settings';
import { buildTimeline } from './day-timeline';
import { getDayBoard } from './get-day-board';
import { getDroneSettings } from './drone-settings';
import { flightStatusJa } from './load-flight';
import { latestWeatherCheck } from './record-weather-check';

/** Unfinished flights of the days before stay on the board this long (then they are history). */
const CARRY_DAYS = 7;
const OPEN: ('planned' | 'launched' | 'landed')[] = ['planned', 'launched', 'landed'];

/**
 * What the operator's live board draws for a delivery day, on top of `getDayBoard` (which the API
 * also answers): the flights with their timer anchors, open flights carried from the days before,
 * the weather decision per landing site, the map's places and routes and the day's timeline.
 */
export async function getBoardView(db: DbOrTx, deliveryDate: string, now: Date, staffId: number) {
  const board = await getDayBoard(db, deliveryDate);
  const settings = await getDroneSettings(db);
  const shop = await getShopSettings(db);

  const routes = await db
    .select({
      id: droneRoutes.id,
      hamletId: droneRoutes.hamletId,
      lengthM: droneRoutes.lengthM,
      hallName: hamlets.hallName,
      hamletName: hamlets.name,
      hallLat: hamlets.hallLat,
      hallLon: hamlets.hallLon,
      portLat: dronePorts.lat,
      portLon: dronePorts.lon,
    })
    .from(droneRoutes)
    .innerJoin(hamlets, eq(hamlets.id, droneRoutes.hamletId))
    .innerJoin(dronePorts, eq(dronePorts.id, droneRoutes.portId))
    .orderBy(asc(droneRoutes.hamletId))
    .all();
  const waypoints = await db.select().from(droneRouteWaypoints).orderBy(asc(droneRouteWaypoints.seq)).all();
  const port = (await db.select().from(dronePorts).orderBy(asc(dronePorts.id)).get()) ?? null;
  const lengthOf = new Map(routes.map((r) => [r.hamletId, r.lengthM]));

  const flightRows = (
    await db
      .select({ flight: droneFlights, hallName: hamlets.hallName, drone: drones })
      .from(droneFlights)
      .innerJoin(hamlets, eq(hamlets.id, droneFlights.hamletId))
      .innerJoin(drones, eq(drones.id, droneFlights.droneId))
      .where(
        and(
          gte(droneFlights.deliveryDate, addDays(deliveryDate, -CARRY_DAYS)),
          lt(droneFlights.deliveryDate, deliveryDate),
          inArray(droneFlights.status, OPEN),
        ),
      )
      .orderBy(asc(droneFlights.deliveryDate), asc(droneFlights.seq))
      .all()
  )
    .map((r) => ({ ...r, carried: true }))
    .concat(
      (
        await db
          .select({ flight: droneFlights, hallName: hamlets.hallName, drone: drones })
          .from(droneFlights)
          .innerJoin(hamlets, eq(hamlets.id, droneFlights.hamletId))
          .innerJoin(drones, eq(drones.id, droneFlights.droneId))
          .where(eq(droneFlights.deliveryDate, deliveryDate))
          .orderBy(asc(droneFlights.plannedDepartAt), asc(droneFlights.seq))
          .all()
      ).map((r) => ({ ...r, carried: false })),
    );
  const parcelRows = flightRows.length
    ? await db
        .select({ flightId: droneFlightParcels.flightId, orderId: droneFlightParcels.orderId })
        .from(droneFlightParcels)
        .where(
          and(
            inArray(
              droneFlightParcels.flightId,
              flightRows.map((r) => r.flight.id),
            ),
            isNull(droneFlightParcels.removedAt),
          ),
        )
        .all()
    : [];
  const flights = flightRows.map(({ flight, hallName, drone, carried }) => {
    const lengthM = lengthOf.get(flight.hamletId) ?? null;
    const oneWayMs = lengthM !== null ? Math.ceil(lengthM / drone.cruiseSpeedMps) * 1000 : null;
    return {
      id: flight.id,
      seq: flight.seq,
      deliveryDate: flight.deliveryDate,
      carried,
      status: flight.status,
      statusJa: flightStatusJa(flight.status),
      droneId: drone.id,
      droneName: drone.name,
      hamletId: flight.hamletId,
      hallName,
      loadG: flight.loadG,
      orderIds: parcelRows.filter((p) => p.flightId === flight.id).map((p) => p.orderId),
      plannedDepartAt: flight.plannedDepartAt,
      plannedReturnAt: flight.plannedReturnAt,
      launchedAt: flight.launchedAt,
      landedAt: flight.landedAt,
      returnedAt: flight.returnedAt,
      abortedAt: flight.abortedAt,
      abortReason: flight.abortReason,
      /** Launch + one leg at cruise speed; after landing, the hall's dwell and the leg back. */
      expectedLandingAt:
        flight.launchedAt && oneWayMs !== null ? new Date(flight.launchedAt.getTime() + oneWayMs) : null,
      expectedReturnAt:
        flight.landedAt && oneWayMs !== null
          ? new Date(flight.landedAt.getTime() + settings.dwellMin * 60_000 + oneWayMs)
          : null,
    };
  });

  const sites = await Promise.all(
    routes.map(async (r) => {
      const check = (await latestWeatherCheck(db, deliveryDate, r.hamletId)) ?? null;
      const expiresAt = check
        ? new Date(check.checkedAt.getTime() + settings.weatherCheckValidMin * 60_000)
        : null;
      return {
        hamletId: r.hamletId,
        hallName: r.hallName,
        lengthM: Math.round(r.lengthM),
        check: check
          ? {
              checkedAt: check.checkedAt,
              expiresAt: expiresAt!,
              expired: expiresAt! < now,
              forAllSites: check.hamletId === null,
              mode: check.mode,
              residentText: check.residentText,
              reasons: check.reasons.map((x) => x.detail),
              measured: {
                takeoff: check.groundWindTakeoffMps,
                landing: check.groundWindLandingMps,
                maxBand: Math.max(0, ...check.bands.map((b) => b.windMps)),
                rain: check.rain,
              },
            }
          : null,
      };
    }),
  );

  const dayOrders = await db
    .select({
      id: orders.id,
      hallName: hamlets.hallName,
      packedAt: orders.packedAt,
      mode: orders.deliveryMode,
    })
    .from(orders)
    .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
    .where(and(eq(orders.deliveryDate, deliveryDate), inArray(orders.status, LIVE_ORDER)))
    .all();
  const packedTimes = dayOrders
    .map((o) => o.packedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  const hallOf = new Map(dayOrders.map((o) => [o.id, o.hallName]));
  const carIds = dayOrders.filter((o) => o.mode === 'car').map((o) => o.id);
  const carEvents = carIds.length
    ? await db
        .select({ orderId: orderEvents.orderId, at: orderEvents.at, note: orderEvents.note })
        .from(orderEvents)
        .where(and(inArray(orderEvents.orderId, carIds), isNotNull(orderEvents.note)))
        .orderBy(asc(orderEvents.at))
        .all()
    : [];
  const carMoves = new Map<
    string,
    { hallName: string; step: 'dispatch' | 'arrive'; at: Date; parcels: number }
  >();
  for (const e of carEvents) {
    const step = e.note === '車で出発' ? 'dispatch' : e.note === '車で公民館に到着' ? 'arrive' : null;
    if (!step) continue;
    const hallName = hallOf.get(e.orderId)!;
    const m = carMoves.get(`${hallName}:${step}`);
    if (m) m.parcels++;
    else carMoves.set(`${hallName}:${step}`, { hallName, step, at: e.at, parcels: 1 });
  }
  const handed = dayOrders.length
    ? await db
        .select({ orderId: handovers.orderId, at: handovers.at })
        .from(handovers)
        .where(
          and(
            inArray(
              handovers.orderId,
              dayOrders.map((o) => o.id),
            ),
            inArray(handovers.outcome, ['handed', 'concern']),
          ),
        )
        .all()
    : [];
  const handoverByHall = new Map<string, { hallName: string; at: Date; parcels: number }>();
  for (const h of handed) {
    const hallName = hallOf.get(h.orderId)!;
    const cur = handoverByHall.get(hallName);
    if (!cur) handoverByHall.set(hallName, { hallName, at: h.at, parcels: 1 });
    else {
      cur.parcels++;
      if (h.at > cur.at) cur.at = h.at;
    }
  }
  const timeline = buildTimeline({
    now,
    cutoffAt: orderDeadline(deliveryDate, shop),
    packing: {
      total: dayOrders.length,
      packed: packedTimes.length,
      firstAt: packedTimes[0] ?? null,
      lastAt: packedTimes.at(-1) ?? null,
    },
    flights,
    carMoves: [...carMoves.values()],
    handovers: [...handoverByHall.values()],
  });

  const pilotKnown = !!(await db.select().from(dronePilots).where(eq(dronePilots.staffId, staffId)).get());
  return {
    board,
    now,
    cutoffAt: orderDeadline(deliveryDate, shop),
    weatherCheckValidMin: settings.weatherCheckValidMin,
    flights,
    sites,
    timeline,
    pilotKnown,
    map: {
      port: port ? { name: port.name, lat: port.lat, lon: port.lon } : null,
      routes: routes.map((r) => ({
        hamletId: r.hamletId,
        hallName: r.hallName,
        hall: [r.hallLat, r.hallLon] as [number, number],
        path: [
          [r.portLat, r.portLon] as [number, number],
          ...waypoints.filter((w) => w.routeId === r.id).map((w) => [w.lat, w.lon] as [number, number]),
          [r.hallLat, r.hallLon] as [number, number],
        ],
      })),
    },
  };
}
export type BoardView = Awaited<ReturnType<typeof getBoardView>>;
export type BoardFlight = BoardView['flights'][number];

const LIVE_ORDER: ('received' | 'preparing' | 'in_transit' | 'at_hall' | 'delivered')[] = [
  'received',
  'preparing',
  'in_transit',
  'at_hall',
  'delivered',
];
