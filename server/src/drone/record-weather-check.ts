import { and, eq, inArray, isNull, notExists, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/src';
import type { Tx } from '../../../db/src';
import {
  droneFlightParcels,
  droneFlights,
  droneWeatherChecks,
  hamlets,
  orders,
} from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { badRequest, notFound } from '../lib/errors';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings } from './drone-settings';
import { activeParcels, orderStatusOf, recordFlightEvent } from './flight-rows';
import { decideMode, weatherCheckSchema, type ModeDecision } from './plan/decide-mode';
import { replanOntoFlights } from './replan-onto-flights';

export const WeatherCheckInput = weatherCheckSchema.extend({
  /** Omit to cover every landing site. */
  hamletId: z.number().int().positive().nullable().optional(),
});
export type WeatherCheckInput = z.infer<typeof WeatherCheckInput>;

export interface WeatherCheckResult extends ModeDecision {
  id: number;
  /** Planned flights the check sent to the car. */
  cancelledFlightIds: number[];
  /** Orders an earlier bad-weather check sent to the car that fly again now it is fine. */
  backToDroneOrderIds: number[];
}

/**
 * Records the operator's check and applies the rule to the day's board: when the answer is car,
 * every flight to the covered sites that has not left yet is cancelled and its parcels go by car
 * with the weather reason the resident will see. When it is fine again, parcels that went to the
 * car for the weather and have not left the port yet are planned onto drone flights again (those
 * that no longer fit today stay in the car with their reason).
 */
export async function recordWeatherCheck(
  db: Db,
  deliveryDate: string,
  input: WeatherCheckInput,
  actor: Actor & { id: number },
  now: Date,
): Promise<WeatherCheckResult> {
  for (const band of input.bands) {
    if (band.toM < band.fromM)
      throw badRequest('invalid_band', 'An altitude band must end above where it starts');
  }
  return await db.transaction(async (tx) => {
    const hamletId = input.hamletId ?? null;
    if (
      hamletId !== null &&
      !(await tx.select({ id: hamlets.id }).from(hamlets).where(eq(hamlets.id, hamletId)).get())
    ) {
      throw notFound('Landing site');
    }
    const decision = decideMode(input, (await getDroneSettings(tx)).weather);
    const row = await tx
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
    await recordAudit(tx, now, actor, 'drone.weather_check', 'drone_weather_check', row.id, {
      mode: decision.mode,
      hamletId,
    });

    const cancelled: number[] = [];
    if (decision.mode === 'car') {
      const flights = await tx
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
        for (const p of await activeParcels(tx, f.id)) {
          await tx
            .update(droneFlightParcels)
            .set({ removedAt: now, removedReason: 'weather' })
            .where(eq(droneFlightParcels.id, p.id))
            .run();
          const status = await orderStatusOf(tx, p.orderId);
          if (status === 'cancelled') continue;
          await setOrderStatus(tx, p.orderId, status, actor, now, {
            deliveryMode: 'car',
            deliveryModeReason: decision.residentText,
          });
        }
        await tx
          .update(droneFlights)
          .set({ status: 'cancelled', loadG: 0 })
          .where(eq(droneFlights.id, f.id))
          .run();
        await recordFlightEvent(tx, f.id, 'cancelled', actor, now, decision.residentText);
        cancelled.push(f.id);
      }
    }
    const backToDrone =
      decision.mode === 'drone' ? await flyAgain(tx, deliveryDate, hamletId, actor, now) : [];
    return { id: row.id, ...decision, cancelledFlightIds: cancelled, backToDroneOrderIds: backToDrone };
  });
}

/** Car parcels taken off flights by the weather, still at the port, back onto drone flights. */
async function flyAgain(
  tx: Tx,
  deliveryDate: string,
  hamletId: number | null,
  actor: Actor,
  now: Date,
): Promise<number[]> {
  const onBoard = alias(droneFlightParcels, 'on_board');
  const active = tx
    .select({ id: onBoard.id })
    .from(onBoard)
    .where(and(eq(onBoard.orderId, orders.id), isNull(onBoard.removedAt)));
  const rows = await tx
    .select({
      orderId: orders.id,
      hamletId: droneFlights.hamletId,
      weightG: droneFlightParcels.weightG,
    })
    .from(droneFlightParcels)
    .innerJoin(droneFlights, eq(droneFlights.id, droneFlightParcels.flightId))
    .innerJoin(orders, eq(orders.id, droneFlightParcels.orderId))
    .where(
      and(
        eq(droneFlights.deliveryDate, deliveryDate),
        eq(droneFlightParcels.removedReason, 'weather'),
        eq(orders.deliveryMode, 'car'),
        inArray(orders.status, ['received', 'preparing']),
        hamletId === null ? undefined : eq(droneFlights.hamletId, hamletId),
        notExists(active),
      ),
    )
    .all();
  // A parcel grounded twice by the weather has two removed rows: one each.
  const parcels = [...new Map(rows.map((r) => [r.orderId, r])).values()];
  if (parcels.length === 0) return [];
  const outcome = await replanOntoFlights(
    tx,
    deliveryDate,
    parcels,
    {
      carReason: 'weather',
      rewriteCarReason: false,
      note: (seq) => (seq === null ? '天候回復：ドローン便に割り当て' : `天候回復：便${seq}に割り当て`),
    },
    actor,
    now,
  );
  return outcome.droneOrderIds;
}

/** The latest check covering a site on a day: one for that site or one for every site. */
export async function latestWeatherCheck(db: DbOrTx, deliveryDate: string, hamletId: number) {
  return (
    await db
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
  ).at(-1);
}
