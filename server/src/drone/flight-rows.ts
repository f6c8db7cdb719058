import { and, eq, isNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  droneFlightEvents,
  droneFlightParcels,
  droneFlights,
  orders,
  type DroneFlightStatus,
  type OrderStatus,
} from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { fromTokyo } from '../lib/tokyo';
import type { Actor } from '../lib/audit';
import type { UnseqFlight } from './plan/schedule-bins';

/** Instant of a planner time (seconds after Tokyo midnight) on a delivery day. */
export const instantOf = (deliveryDate: string, sec: number) =>
  new Date(fromTokyo(deliveryDate).getTime() + sec * 1000);

/** Seconds after Tokyo midnight of the delivery day. */
export const secondOf = (deliveryDate: string, at: Date) =>
  Math.round((at.getTime() - fromTokyo(deliveryDate).getTime()) / 1000);

const flightActor = (actor: Actor) => ({
  actorType: actor.type === 'staff' ? ('staff' as const) : ('system' as const),
  actorId: actor.type === 'staff' ? actor.id : null,
});

export async function recordFlightEvent(
  tx: DbOrTx,
  flightId: number,
  status: DroneFlightStatus | 'replanned',
  actor: Actor,
  now: Date,
  note: string | null = null,
): Promise<void> {
  await tx
    .insert(droneFlightEvents)
    .values({ flightId, at: now, status, ...flightActor(actor), note })
    .run();
}

/** Inserts planned flights with their parcels, numbering them after the day's existing flights. */
export async function insertPlannedFlights(
  tx: DbOrTx,
  deliveryDate: string,
  flights: readonly UnseqFlight[],
  weightOf: ReadonlyMap<number, number>,
  actor: Actor,
  now: Date,
  replanOfFlightId: number | null = null,
): Promise<number[]> {
  const last = await tx
    .select({ seq: max(droneFlights.seq) })
    .from(droneFlights)
    .where(eq(droneFlights.deliveryDate, deliveryDate))
    .get();
  let seq = last?.seq ?? 0;
  const ids: number[] = [];
  for (const f of flights) {
    const row = await tx
      .insert(droneFlights)
      .values({
        deliveryDate,
        seq: ++seq,
        droneId: f.droneId,
        hamletId: f.siteId,
        status: 'planned',
        loadG: f.loadG,
        plannedDepartAt: instantOf(deliveryDate, f.departSec),
        plannedReturnAt: instantOf(deliveryDate, f.returnSec),
        replanOfFlightId,
        createdAt: now,
      })
      .returning({ id: droneFlights.id })
      .get();
    await tx
      .insert(droneFlightParcels)
      .values(f.parcelIds.map((orderId) => ({ flightId: row.id, orderId, weightG: weightOf.get(orderId)! })))
      .run();
    await recordFlightEvent(
      tx,
      row.id,
      'planned',
      actor,
      now,
      replanOfFlightId ? `便${replanOfFlightId}の再計画` : null,
    );
    ids.push(row.id);
  }
  return ids;
}

export async function activeParcels(tx: DbOrTx, flightId: number) {
  return await tx
    .select()
    .from(droneFlightParcels)
    .where(and(eq(droneFlightParcels.flightId, flightId), isNull(droneFlightParcels.removedAt)))
    .all();
}

export async function orderStatusOf(tx: DbOrTx, orderId: number): Promise<OrderStatus> {
  const row = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!row) throw notFound('Order');
  return row.status;
}
