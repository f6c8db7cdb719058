import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/src';
import { droneFlightParcels, droneFlights } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings, planSettingsOf } from './drone-settings';
import { insertPlannedFlights, orderStatusOf, recordFlightEvent, secondOf } from './flight-rows';
import { loadPlanDrones, loadPlanSites } from './load-plan-inputs';
import { describeCarReason } from './plan/car-reason-text';
import { replanParcels, type ReplanInput } from './plan/replan-parcels';

export interface ReplanParcel {
  orderId: number;
  hamletId: number;
  weightG: number;
}

export interface ReplanOptions {
  /** The aborted flight the parcels came off, if any (not reused; its drone turns around first). */
  aborted?: { id: number; seq: number; droneId: number; hamletId: number };
  groundedDroneIds?: number[];
  carReason?: ReplanInput['carReason'];
  /** Whether parcels left for the car get their car reason (re)written; false keeps theirs. */
  rewriteCarReason: boolean;
  /** What the order history says when a parcel joins a flight. */
  note: (flightSeq: number | null) => string;
}

export interface ReplanOutcome {
  movedTo: { flightId: number; orderIds: number[] }[];
  newFlightIds: number[];
  droneOrderIds: number[];
  carOrderIds: number[];
}

/**
 * Puts parcels back on the day's drone plan (replanParcels) and writes it: added to flights that
 * have not left, new flights, or the car. Parcels on a flight wait at the port (準備中, by drone).
 */
export async function replanOntoFlights(
  tx: Tx,
  deliveryDate: string,
  parcels: readonly ReplanParcel[],
  opts: ReplanOptions,
  actor: Actor,
  now: Date,
): Promise<ReplanOutcome> {
  const dayFlights = await tx
    .select()
    .from(droneFlights)
    .where(eq(droneFlights.deliveryDate, deliveryDate))
    .all();
  const drones = await loadPlanDrones(tx);
  const { aborted } = opts;
  const result = replanParcels({
    aborted: aborted && { id: aborted.id, droneId: aborted.droneId, siteId: aborted.hamletId },
    parcels: parcels.map((p) => ({ id: p.orderId, siteId: p.hamletId, weightG: p.weightG })),
    flights: dayFlights
      .filter((f) => f.id !== aborted?.id)
      .map((f) => ({
        id: f.id,
        droneId: f.droneId,
        siteId: f.hamletId,
        status: f.status,
        loadG: f.loadG,
        departSec: secondOf(f.deliveryDate, f.plannedDepartAt),
        returnSec: secondOf(f.deliveryDate, f.plannedReturnAt),
      })),
    sites: await loadPlanSites(tx),
    drones,
    settings: planSettingsOf(await getDroneSettings(tx)),
    nowSec: secondOf(deliveryDate, now),
    groundedDroneIds: opts.groundedDroneIds ?? [],
    carReason: opts.carReason,
  });

  const weightOf = new Map(parcels.map((p) => [p.orderId, p.weightG]));
  // Goods that came back to the port wait there again (配送中 → 準備中) for their next flight.
  const toDrone = async (orderId: number, note: string) => {
    const status = await orderStatusOf(tx, orderId);
    await setOrderStatus(tx, orderId, status === 'in_transit' ? 'preparing' : status, actor, now, {
      deliveryMode: 'drone',
      deliveryModeReason: null,
      note,
    });
  };
  for (const m of result.moved) {
    const target = dayFlights.find((f) => f.id === m.flightId)!;
    await tx
      .insert(droneFlightParcels)
      .values(
        m.parcelIds.map((orderId) => ({ flightId: m.flightId, orderId, weightG: weightOf.get(orderId)! })),
      )
      .run();
    const added = m.parcelIds.reduce((s, id) => s + weightOf.get(id)!, 0);
    await tx
      .update(droneFlights)
      .set({ loadG: target.loadG + added })
      .where(eq(droneFlights.id, m.flightId))
      .run();
    const from = aborted ? `便${aborted.seq}から` : '';
    await recordFlightEvent(tx, m.flightId, 'replanned', actor, now, `${from}${m.parcelIds.length}個追加`);
    for (const id of m.parcelIds) await toDrone(id, opts.note(target.seq));
  }
  const newIds = await insertPlannedFlights(
    tx,
    deliveryDate,
    result.newFlights,
    weightOf,
    actor,
    now,
    aborted?.id ?? null,
  );
  for (const f of result.newFlights) for (const id of f.parcelIds) await toDrone(id, opts.note(null));
  if (opts.rewriteCarReason) {
    const maxPayload = Math.max(0, ...drones.map((d) => d.payloadG));
    for (const c of result.car) {
      await setOrderStatus(tx, c.parcelId, await orderStatusOf(tx, c.parcelId), actor, now, {
        deliveryMode: 'car',
        deliveryModeReason: describeCarReason(c.reason, maxPayload),
      });
    }
  }
  return {
    movedTo: result.moved.map((m) => ({ flightId: m.flightId, orderIds: m.parcelIds })),
    newFlightIds: newIds,
    droneOrderIds: [
      ...result.moved.flatMap((m) => m.parcelIds),
      ...result.newFlights.flatMap((f) => f.parcelIds),
    ],
    carOrderIds: result.car.map((c) => c.parcelId),
  };
}
