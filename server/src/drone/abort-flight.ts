import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { droneFlightParcels, droneFlights } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { getDroneSettings } from './drone-settings';
import { activeParcels, orderStatusOf, recordFlightEvent } from './flight-rows';
import { loadFlight, requireFlightStatus } from './load-flight';
import { replanOntoFlights } from './replan-onto-flights';
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
export async function abortFlight(db: Db, flightId: number, rawInput: AbortInput, actor: Actor, now: Date) {
  const input = AbortInput.parse(rawInput);
  return await db.transaction(async (tx) => {
    const loaded = await loadFlight(tx, flightId);
    requireFlightStatus(loaded, ['planned', 'launched'], '中止');
    const { flight, port, hamlet } = loaded;
    const wasAirborne = flight.status === 'launched';
    const settings = await getDroneSettings(tx);

    await tx
      .update(droneFlights)
      .set({ status: 'aborted', abortedAt: now, abortReason: input.reason })
      .where(eq(droneFlights.id, flight.id))
      .run();
    if (wasAirborne) {
      await writeFlightRecord(
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
    await recordFlightEvent(tx, flight.id, 'aborted', actor, now, input.reason);

    const parcels = await activeParcels(tx, flight.id);
    await tx
      .update(droneFlightParcels)
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
    const live: typeof parcels = [];
    for (const p of parcels) if ((await orderStatusOf(tx, p.orderId)) !== 'cancelled') live.push(p);
    const outcome = await replanOntoFlights(
      tx,
      flight.deliveryDate,
      live.map((p) => ({ orderId: p.orderId, hamletId: flight.hamletId, weightG: p.weightG })),
      {
        aborted: { id: flight.id, seq: flight.seq, droneId: flight.droneId, hamletId: flight.hamletId },
        groundedDroneIds: input.groundDrone ? [flight.droneId] : [],
        rewriteCarReason: true,
        note: (seq) =>
          seq === null ? `中止した便${flight.seq}の再計画` : `中止した便${flight.seq}から便${seq}へ`,
      },
      actor,
      now,
    );
    await recordAudit(tx, now, actor, 'drone.flight.aborted', 'drone_flight', flight.id, {
      reason: input.reason,
      moved: outcome.movedTo.length,
      newFlights: outcome.newFlightIds.length,
      byCar: outcome.carOrderIds.length,
    });
    return { id: flight.id, status: 'aborted' as const, ...outcome };
  });
}
