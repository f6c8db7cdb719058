import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { dronePlanRuns, type OrderStatus } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { claimSlot } from '../jobs/scheduler';
import { unprocessable } from '../lib/errors';
import { isDeliveryDay } from '../shop/calendar';
import { orderDeadline } from '../shop/order-deadline';
import { getShopSettings } from '../shop/shop-settings';
import type { SetOrderStatusExtra } from '../shop/set-order-status';
import { setOrdersStatus } from '../shop/set-orders-status';
import { getDroneSettings, planSettingsOf } from './drone-settings';
import { insertPlannedFlights } from './flight-rows';
import { loadPlanDrones, loadPlanSites, loadUnplannedParcels } from './load-plan-inputs';
import { describeCarReason } from './plan/car-reason-text';
import { planDeliveries } from './plan/plan-deliveries';

export interface PlanDayResult {
  deliveryDate: string;
  /** False when the day had already been planned: the call changed nothing. */
  created: boolean;
  flights: number;
  byDrone: number;
  byCar: number;
}

export const CUTOFF_JOB = 'drone.cutoff-plan';

/**
 * The cut-off plan of one delivery day, once, and never before the cut-off: the plan-run row (unique per date) and the job slot
 * are written in the same transaction as the flights, so a crash leaves either everything or nothing
 * and a second call (catch-up, a second process, the operator's button) is a no-op.
 */
export async function planDeliveryDay(
  db: Db,
  deliveryDate: string,
  actor: Actor,
  now: Date,
): Promise<PlanDayResult> {
  return await db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(dronePlanRuns)
      .where(eq(dronePlanRuns.deliveryDate, deliveryDate))
      .get();
    if (existing) {
      return {
        deliveryDate,
        created: false,
        flights: existing.flights,
        byDrone: existing.byDrone,
        byCar: existing.byCar,
      };
    }
    const shop = await getShopSettings(tx);
    if (!isDeliveryDay(deliveryDate, shop.calendar)) {
      throw unprocessable('not_delivery_day', `${deliveryDate}は配送日ではありません`);
    }
    // Residents may order for the day until its cut-off: a plan made earlier would miss them.
    if (now.getTime() < orderDeadline(deliveryDate, shop).getTime()) {
      throw unprocessable(
        'before_cutoff',
        `注文の締め切り（${shop.calendar.cutoff}）の前は計画できません。締め切り後に自動で計画します`,
      );
    }
    await claimSlot(tx, CUTOFF_JOB, `cutoff:${deliveryDate}`, now);
    const settings = await getDroneSettings(tx);
    const parcels = await loadUnplannedParcels(tx, deliveryDate);
    const drones = await loadPlanDrones(tx);
    const plan = planDeliveries(parcels, await loadPlanSites(tx), drones, planSettingsOf(settings));
    const byId = new Map(parcels.map((p) => [p.id, p]));
    const weightOf = new Map(parcels.map((p) => [p.id, p.weightG]));

    await insertPlannedFlights(tx, deliveryDate, plan.flights, weightOf, actor, now);
    const maxPayload = drones.length ? Math.max(...drones.map((d) => d.payloadG)) : undefined;
    // One set-based status change per (current status, mode, reason): a handful of statements
    // instead of four per parcel, which was 90% of the job for 2,000 orders.
    const groups = new Map<string, { status: OrderStatus; extra: SetOrderStatusExtra; ids: number[] }>();
    const add = (id: number, extra: SetOrderStatusExtra) => {
      const status = byId.get(id)!.status as OrderStatus;
      const key = `${status}|${extra.deliveryMode}|${extra.deliveryModeReason ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { status, extra, ids: [] }));
      g.ids.push(id);
    };
    for (const f of plan.flights) {
      for (const id of f.parcelIds) {
        add(id, { deliveryMode: 'drone', deliveryModeReason: null, note: 'ドローン便に割り当て' });
      }
    }
    for (const c of plan.car) {
      add(c.parcelId, { deliveryMode: 'car', deliveryModeReason: describeCarReason(c.reason, maxPayload) });
    }
    for (const g of groups.values()) await setOrdersStatus(tx, g.ids, g.status, actor, now, g.extra);
    const byDrone = parcels.length - plan.car.length;
    await tx
      .insert(dronePlanRuns)
      .values({
        deliveryDate,
        plannedAt: now,
        actorType: actor.type === 'staff' ? 'staff' : 'system',
        actorId: actor.id,
        flights: plan.flights.length,
        byDrone,
        byCar: plan.car.length,
      })
      .run();
    await recordAudit(tx, now, actor, 'drone.plan', 'drone_day', deliveryDate, {
      flights: plan.flights.length,
      byDrone,
      byCar: plan.car.length,
    });
    return { deliveryDate, created: true, flights: plan.flights.length, byDrone, byCar: plan.car.length };
  });
}
