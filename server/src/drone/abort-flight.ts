import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { droneFlightParcels, droneFlights } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings, planSettingsOf } from './drone-settings';
import {
  activeParcels,
  insertPlannedFlights,
  orderStatusOf,
  recordFlightEvent,
  secondOf,
} from './flight-rows';
import { loadPlanDrones, loadPlanSites } from './load-plan-inputs';
import { loadFlight, requireFlightStatus } from './load-flight';
import { describeCarReason } from './plan/car-reason-text';
import { replanAfterAbort } from './plan/replan-after-abort';
import { writeFlightRecord } from './write-flight-record';

export const AbortInput = z.object({
  reason: z.string().trim().min(1).max(500),
  /** Where an airborne drone came down; the port by default (it turned back). */
  landingPlace: z.string().trim().min(1).max(100).optional(),
  /** Keep the airframe on the ground for the rest of the day (default: yes, until inspected). */
  groundDrone: z.boolean().default(true),
});
export type AbortInput = z.input<typeof AbortInput>;

/**
 * Abort before or during a flight. Its parcels are re-planned at once: onto a later flight to the
 * same hall with room, a new flight, or the car with the reason shown to the resident. None is lost.
 */
export function abortFlight(db: Db, flightId: number, rawInput: AbortInput, actor: Actor, now: Date) {
  const input = AbortInput.parse(rawInput);
  return db.transaction((tx) => {
    const loaded = loadFlight(tx, flightId);
    requireFlightStatus(loaded, ['planned', 'launched'], '中止');
    const { flight, port, hamlet } = loaded;
    const wasAirborne = flight.status === 'launched';
    const settings = getDroneSettings(tx);

    tx.update(droneFlights)
      .set({ status: 'aborted', abortedAt: now, abortReason: input.reason })
      .where(eq(droneFlights.id, flight.id))
      .run();
    if (wasAirborne) {
      writeFlightRecord(
        tx,
        loaded,
        settings,
        {
          leg: 'outbound',
          takeoffPlace: port.name,
          takeoffAt: flight.launchedAt!,
          landingPlace: input.landingPlace ?? port.name,
          landingAt: now,
          safetyNotes: `飛行中止（${hamlet.hallName}行き）：${input.reason}`,
        },
        now,
      );
    }
    recordFlightEvent(tx, flight.id, 'aborted', actor, now, input.reason);

    const parcels = activeParcels(tx, flight.id);
    tx.update(droneFlightParcels)
      .set({ removedAt: now, removedReason: 'aborted' })
      .where(
        and(
          eq(droneFlightParcels.flightId, flight.id),
          inArray(
            droneFlightParcels.id,
            parcels.map((p) => p.id),
          ),
        ),
      )
      .run();
    const live = parcels.filter((p) => orderStatusOf(tx, p.orderId) !== 'cancelled');
    const dayFlights = tx
      .select()
      .from(droneFlights)
      .where(eq(droneFlights.deliveryDate, flight.deliveryDate))
      .all();
    const drones = loadPlanDrones(tx);
    const result = replanAfterAbort({
      aborted: { id: flight.id, droneId: flight.droneId, siteId: flight.hamletId },
      parcels: live.map((p) => ({ id: p.orderId, siteId: flight.hamletId, weightG: p.weightG })),
      flights: dayFlights
        .filter((f) => f.id !== flight.id)
        .map((f) => ({
          id: f.id,
          droneId: f.droneId,
          siteId: f.hamletId,
          status: f.status,
          loadG: f.loadG,
          departSec: secondOf(f.deliveryDate, f.plannedDepartAt),
          returnSec: secondOf(f.deliveryDate, f.plannedReturnAt),
        })),
      sites: loadPlanSites(tx),
      drones,
      settings: planSettingsOf(settings),
      nowSec: secondOf(flight.deliveryDate, now),
      groundedDroneIds: input.groundDrone ? [flight.droneId] : [],
    });

    const weightOf = new Map(live.map((p) => [p.orderId, p.weightG]));
    // Goods that came back to the port wait there again (配送中 → 準備中) for their next flight.
    const backToPort = (orderId: number, note: string) => {
      const status = orderStatusOf(tx, orderId);
      setOrderStatus(tx, orderId, status === 'in_transit' ? 'preparing' : status, actor, now, {
        deliveryMode: 'drone',
        note,
      });
    };
    for (const m of result.moved) {
      const target = dayFlights.find((f) => f.id === m.flightId)!;
      tx.insert(droneFlightParcels)
        .values(
          m.parcelIds.map((orderId) => ({ flightId: m.flightId, orderId, weightG: weightOf.get(orderId)! })),
        )
        .run();
      const added = m.parcelIds.reduce((s, id) => s + weightOf.get(id)!, 0);
      tx.update(droneFlights)
        .set({ loadG: target.loadG + added })
        .where(eq(droneFlights.id, m.flightId))
        .run();
      recordFlightEvent(
        tx,
        m.flightId,
        'replanned',
        actor,
        now,
        `便${flight.seq}から${m.parcelIds.length}個追加`,
      );
      m.parcelIds.forEach((id) => backToPort(id, `中止した便${flight.seq}から便${target.seq}へ`));
    }
    const newIds = insertPlannedFlights(
      tx,
      flight.deliveryDate,
      result.newFlights,
      weightOf,
      actor,
      now,
      flight.id,
    );
    result.newFlights.forEach((f) =>
      f.parcelIds.forEach((id) => backToPort(id, `中止した便${flight.seq}の再計画`)),
    );
    const maxPayload = Math.max(0, ...drones.map((d) => d.payloadG));
    for (const c of result.car) {
      setOrderStatus(tx, c.parcelId, orderStatusOf(tx, c.parcelId), actor, now, {
        deliveryMode: 'car',
        deliveryModeReason: describeCarReason(c.reason, maxPayload),
      });
    }
    recordAudit(tx, now, actor, 'drone.flight.aborted', 'drone_flight', flight.id, {
      reason: input.reason,
      moved: result.moved.length,
      newFlights: newIds.length,
      byCar: result.car.length,
    });
    return {
      id: flight.id,
      status: 'aborted' as const,
      movedTo: result.moved.map((m) => ({ flightId: m.flightId, orderIds: m.parcelIds })),
      newFlightIds: newIds,
      droneOrderIds: [
        ...result.moved.flatMap((m) => m.parcelIds),
        ...result.newFlights.flatMap((f) => f.parcelIds),
      ],
      carOrderIds: result.car.map((c) => c.parcelId),
    };
  });
}
