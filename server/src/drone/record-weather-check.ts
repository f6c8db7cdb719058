import { and, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/src';
import { droneFlightParcels, droneFlights, droneWeatherChecks, hamlets } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { badRequest, notFound } from '../lib/errors';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings } from './drone-settings';
import { activeParcels, orderStatusOf, recordFlightEvent } from './flight-rows';
import { decideMode, weatherCheckSchema, type ModeDecision } from './plan/decide-mode';

export const WeatherCheckInput = weatherCheckSchema.extend({
  /** Omit to cover every landing site. */
  hamletId: z.number().int().positive().nullable().optional(),
});
export type WeatherCheckInput = z.infer<typeof WeatherCheckInput>;

export interface WeatherCheckResult extends ModeDecision {
  id: number;
  /** Planned flights the check sent to the car. */
  cancelledFlightIds: number[];
}

/**
 * Records the operator's check and applies the rule to the day's board: when the answer is car,
 * every flight to the covered sites that has not left yet is cancelled and its parcels go by car
 * with the weather reason the resident will see.
 */
export function recordWeatherCheck(
  db: Db,
  deliveryDate: string,
  input: WeatherCheckInput,
  actor: Actor & { id: number },
  now: Date,
): WeatherCheckResult {
  for (const band of input.bands) {
    if (band.toM < band.fromM)
      throw badRequest('invalid_band', 'An altitude band must end above where it starts');
  }
  return db.transaction((tx) => {
    const hamletId = input.hamletId ?? null;
    if (
      hamletId !== null &&
      !tx.select({ id: hamlets.id }).from(hamlets).where(eq(hamlets.id, hamletId)).get()
    ) {
      throw notFound('Landing site');
    }
    const decision = decideMode(input, getDroneSettings(tx).weather);
    const row = tx
      .insert(droneWeatherChecks)
      .values({
        deliveryDate,
        hamletId,
        checkedAt: now,
        checkedByStaffId: actor.id,
        groundWindTakeoffMps: input.groundWindTakeoffMps,
        groundWindLandingMps: input.groundWindLandingMps,
        bands: input.bands,
        rain: input.rain,
        mode: decision.mode,
        reasons: decision.reasons,
        residentText: decision.residentText,
      })
      .returning({ id: droneWeatherChecks.id })
      .get();
    recordAudit(tx, now, actor, 'drone.weather_check', 'drone_weather_check', row.id, {
      mode: decision.mode,
      hamletId,
    });

    const cancelled: number[] = [];
    if (decision.mode === 'car') {
      const flights = tx
        .select({ id: droneFlights.id })
        .from(droneFlights)
        .where(
          and(
            eq(droneFlights.deliveryDate, deliveryDate),
            eq(droneFlights.status, 'planned'),
            hamletId === null ? undefined : eq(droneFlights.hamletId, hamletId),
          ),
        )
        .all();
      for (const f of flights) {
        for (const p of activeParcels(tx, f.id)) {
          tx.update(droneFlightParcels)
            .set({ removedAt: now, removedReason: 'weather' })
            .where(eq(droneFlightParcels.id, p.id))
            .run();
          const status = orderStatusOf(tx, p.orderId);
          if (status === 'cancelled') continue;
          setOrderStatus(tx, p.orderId, status, actor, now, {
            deliveryMode: 'car',
            deliveryModeReason: decision.residentText,
          });
        }
        tx.update(droneFlights).set({ status: 'cancelled', loadG: 0 }).where(eq(droneFlights.id, f.id)).run();
        recordFlightEvent(tx, f.id, 'cancelled', actor, now, decision.residentText);
        cancelled.push(f.id);
      }
    }
    return { id: row.id, ...decision, cancelledFlightIds: cancelled };
  });
}

/** The latest check covering a site on a day: one for that site or one for every site. */
export function latestWeatherCheck(db: DbOrTx, deliveryDate: string, hamletId: number) {
  return db
    .select()
    .from(droneWeatherChecks)
    .where(
      and(
        eq(droneWeatherChecks.deliveryDate, deliveryDate),
        or(isNull(droneWeatherChecks.hamletId), eq(droneWeatherChecks.hamletId, hamletId)),
      ),
    )
    .orderBy(droneWeatherChecks.checkedAt, droneWeatherChecks.id)
    .all()
    .at(-1);
}
