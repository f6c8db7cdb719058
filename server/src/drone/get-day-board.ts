import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  droneDailyInspections,
  droneFlightParcels,
  droneFlights,
  dronePlanRuns,
  droneRoutes,
  droneWeatherChecks,
  drones,
  hamlets,
  orders,
} from '../../../db/src/schema';
import { ORDER_STATUS_JA } from '../shop/set-order-status';
import { flightStatusJa } from './load-flight';
import { listUnplannedOrders } from './plan-leftover-orders';

/** Everything the operator's board shows for one delivery day. */
export async function getDayBoard(db: DbOrTx, deliveryDate: string) {
  const planRun =
    (await db.select().from(dronePlanRuns).where(eq(dronePlanRuns.deliveryDate, deliveryDate)).get()) ?? null;
  const fleet = (
    await db
      .select({ drone: drones, inspection: droneDailyInspections })
      .from(drones)
      .leftJoin(
        droneDailyInspections,
        and(eq(droneDailyInspections.droneId, drones.id), eq(droneDailyInspections.date, deliveryDate)),
      )
      .orderBy(asc(drones.id))
      .all()
  ).map(({ drone, inspection }) => ({
    id: drone.id,
    name: drone.name,
    registrationMark: drone.registrationMark,
    payloadG: drone.payloadG,
    inspection: inspection ? (inspection.passed ? ('passed' as const) : ('failed' as const)) : null,
  }));
  const flightRows = await db
    .select({ flight: droneFlights, hallName: hamlets.hallName, droneName: drones.name })
    .from(droneFlights)
    .innerJoin(hamlets, eq(hamlets.id, droneFlights.hamletId))
    .innerJoin(drones, eq(drones.id, droneFlights.droneId))
    .where(eq(droneFlights.deliveryDate, deliveryDate))
    .orderBy(asc(droneFlights.plannedDepartAt), asc(droneFlights.seq))
    .all();
  const parcelRows = await db
    .select({ flightId: droneFlightParcels.flightId, orderId: droneFlightParcels.orderId })
    .from(droneFlightParcels)
    .innerJoin(droneFlights, eq(droneFlights.id, droneFlightParcels.flightId))
    .where(and(eq(droneFlights.deliveryDate, deliveryDate), isNull(droneFlightParcels.removedAt)))
    .all();
  const flights = flightRows.map(({ flight, hallName, droneName }) => ({
    id: flight.id,
    seq: flight.seq,
    status: flight.status,
    statusJa: flightStatusJa(flight.status),
    droneId: flight.droneId,
    droneName,
    hamletId: flight.hamletId,
    hallName,
    loadG: flight.loadG,
    orderIds: parcelRows.filter((p) => p.flightId === flight.id).map((p) => p.orderId),
    plannedDepartAt: flight.plannedDepartAt.toISOString(),
    plannedReturnAt: flight.plannedReturnAt.toISOString(),
    launchedAt: flight.launchedAt?.toISOString() ?? null,
    landedAt: flight.landedAt?.toISOString() ?? null,
    returnedAt: flight.returnedAt?.toISOString() ?? null,
    abortReason: flight.abortReason,
  }));
  const carRows = await db
    .select({ order: orders, hallName: hamlets.hallName })
    .from(orders)
    .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
    .where(
      and(
        eq(orders.deliveryDate, deliveryDate),
        eq(orders.deliveryMode, 'car'),
        ne(orders.status, 'cancelled'),
      ),
    )
    .orderBy(asc(orders.hamletId), asc(orders.id))
    .all();
  const car = [...new Set(carRows.map((r) => r.order.hamletId))].map((hamletId) => {
    const rows = carRows.filter((r) => r.order.hamletId === hamletId);
    return {
      hamletId,
      hallName: rows[0]!.hallName,
      orders: rows.map((r) => ({
        id: r.order.id,
        status: r.order.status,
        statusJa: ORDER_STATUS_JA[r.order.status],
        weightG: r.order.weightG,
        reason: r.order.deliveryModeReason,
      })),
    };
  });
  const weather = (
    await db
      .select({ check: droneWeatherChecks, hallName: hamlets.hallName })
      .from(droneWeatherChecks)
      .leftJoin(hamlets, eq(hamlets.id, droneWeatherChecks.hamletId))
      .where(eq(droneWeatherChecks.deliveryDate, deliveryDate))
      .orderBy(asc(droneWeatherChecks.checkedAt), asc(droneWeatherChecks.id))
      .all()
  ).map(({ check, hallName }) => ({
    id: check.id,
    checkedAt: check.checkedAt.toISOString(),
    scope: hallName ?? '全ての着陸地',
    mode: check.mode,
    residentText: check.residentText,
    reasons: check.reasons,
  }));
  const routes = (
    await db
      .select({ hamletId: droneRoutes.hamletId, hallName: hamlets.hallName, lengthM: droneRoutes.lengthM })
      .from(droneRoutes)
      .innerJoin(hamlets, eq(hamlets.id, droneRoutes.hamletId))
      .orderBy(asc(droneRoutes.hamletId))
      .all()
  ).map((r) => ({ ...r, lengthM: Math.round(r.lengthM) }));
  return {
    deliveryDate,
    /** Accepted orders the day's plan missed (the cut-off job plans them; listed until it has). */
    unplannedOrderIds: (await listUnplannedOrders(db, deliveryDate)).map((p) => p.id),
    planned: planRun
      ? {
          at: planRun.plannedAt.toISOString(),
          flights: planRun.flights,
          byDrone: planRun.byDrone,
          byCar: planRun.byCar,
        }
      : null,
    drones: fleet,
    flights,
    car,
    weather,
    routes,
  };
}
export type DayBoard = Awaited<ReturnType<typeof getDayBoard>>;
