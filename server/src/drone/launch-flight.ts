import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import {
  droneDailyInspections,
  droneFlightParcels,
  droneFlights,
  dronePilots,
  orders,
} from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, unprocessable } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings } from './drone-settings';
import { activeParcels, recordFlightEvent } from './flight-rows';
import { loadFlight, requireFlightStatus } from './load-flight';
import { latestWeatherCheck } from './record-weather-check';

export const LaunchInput = z.object({
  /** Remote pilot licence number; remembered for the operator once given. */
  pilotLicenceNo: z.string().trim().min(4).max(40).optional(),
});
export type LaunchInput = z.infer<typeof LaunchInput>;

/**
 * Take-off. Refused unless today's weather check for the route is recent and clears the drone, the
 * airframe passed today's daily inspection, it is not already in the air, the pilot's licence is
 * known and every parcel is packed at the port. Cancelled orders are taken off the flight first.
 */
export async function launchFlight(
  db: Db,
  flightId: number,
  input: LaunchInput,
  actor: Actor & { id: number },
  now: Date,
) {
  return await db.transaction(async (tx) => {
    const loaded = await loadFlight(tx, flightId);
    const { flight, drone } = loaded;
    requireFlightStatus(loaded, ['planned'], '離陸');
    const today = tokyoDate(now);
    if (flight.deliveryDate !== today)
      throw conflict('not_today', `便${flight.seq}は${flight.deliveryDate}の便です`);
    const settings = await getDroneSettings(tx);

    const check = await latestWeatherCheck(tx, today, flight.hamletId);
    if (!check || now.getTime() - check.checkedAt.getTime() > settings.weatherCheckValidMin * 60_000) {
      throw conflict(
        'weather_check_required',
        `離陸前${settings.weatherCheckValidMin}分以内の気象確認（地上風・上空の風・雨）を記録してください`,
      );
    }
    if (check.mode === 'car')
      throw unprocessable('weather_no_fly', `気象確認の結果、飛行できません：${check.residentText}`);

    if (settings.requireDailyInspection) {
      const inspection = await tx
        .select({ passed: droneDailyInspections.passed })
        .from(droneDailyInspections)
        .where(and(eq(droneDailyInspections.droneId, drone.id), eq(droneDailyInspections.date, today)))
        .get();
      if (!inspection)
        throw conflict('inspection_required', `${drone.name}の本日の日常点検が記録されていません`);
      if (!inspection.passed)
        throw unprocessable('inspection_failed', `${drone.name}は本日の日常点検で異常があり飛行できません`);
    }
    const busy = await tx
      .select({ seq: droneFlights.seq })
      .from(droneFlights)
      .where(and(eq(droneFlights.droneId, drone.id), inArray(droneFlights.status, ['launched', 'landed'])))
      .get();
    if (busy) throw conflict('drone_busy', `${drone.name}は便${busy.seq}を飛行中です`);

    if (input.pilotLicenceNo) {
      await tx
        .insert(dronePilots)
        .values({ staffId: actor.id, licenceNo: input.pilotLicenceNo, updatedAt: now })
        .onConflictDoUpdate({
          target: dronePilots.staffId,
          set: { licenceNo: input.pilotLicenceNo, updatedAt: now },
        })
        .run();
    } else if (!(await tx.select().from(dronePilots).where(eq(dronePilots.staffId, actor.id)).get())) {
      throw unprocessable('licence_required', '操縦者の技能証明書番号を入力してください');
    }

    const parcels = await activeParcels(tx, flight.id);
    const statuses = new Map(
      (
        await tx
          .select({
            id: orders.id,
            status: orders.status,
            packedAt: orders.packedAt,
            weightG: orders.weightG,
          })
          .from(orders)
          .where(inArray(orders.id, parcels.length ? parcels.map((p) => p.orderId) : [-1]))
          .all()
      ).map((o) => [o.id, o]),
    );
    const aboard: typeof parcels = [];
    for (const p of parcels) {
      if (statuses.get(p.orderId)?.status !== 'cancelled') {
        aboard.push(p);
        continue;
      }
      await tx
        .update(droneFlightParcels)
        .set({ removedAt: now, removedReason: 'cancelled' })
        .where(eq(droneFlightParcels.id, p.id))
        .run();
    }
    if (aboard.length === 0) throw conflict('flight_empty', `便${flight.seq}に載せる荷物がありません`);
    const notReady = aboard.filter((p) => {
      const o = statuses.get(p.orderId)!;
      return o.status !== 'preparing' || o.packedAt === null;
    });
    if (notReady.length > 0) {
      throw conflict(
        'parcels_not_ready',
        `梱包が済んでいない注文があります：${notReady.map((p) => `#${p.orderId}`).join('、')}`,
      );
    }

    // Packing may have dropped missing items, so the load is the packed weight.
    const loadG = aboard.reduce((s, p) => s + statuses.get(p.orderId)!.weightG, 0);
    await tx
      .update(droneFlights)
      .set({ status: 'launched', launchedAt: now, pilotStaffId: actor.id, loadG })
      .where(eq(droneFlights.id, flight.id))
      .run();
    for (const p of aboard) {
      await setOrderStatus(tx, p.orderId, 'in_transit', actor, now, {
        deliveryMode: 'drone',
        note: `ドローン便${flight.seq}`,
      });
    }
    await recordFlightEvent(tx, flight.id, 'launched', actor, now);
    await recordAudit(tx, now, actor, 'drone.flight.launched', 'drone_flight', flight.id, {
      parcels: aboard.length,
    });
    return { id: flight.id, status: 'launched' as const, parcels: aboard.length };
  });
}
