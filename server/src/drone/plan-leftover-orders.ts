import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import { dronePlanRuns } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import { orderStatusOf } from './flight-rows';
import { loadUnplannedParcels } from './load-plan-inputs';
import { describeCarReason } from './plan/car-reason-text';
import { replanOntoFlights } from './replan-onto-flights';

/**
 * Accepted orders of a day that was already planned but that are on no flight and no car list.
 * Before the day's plan every order is unplanned, so the list is empty then: it names only the
 * orders the plan missed, which the board shows and the cut-off job puts on the plan.
 */
export async function listUnplannedOrders(db: DbOrTx, deliveryDate: string) {
  const run = await db.select().from(dronePlanRuns).where(eq(dronePlanRuns.deliveryDate, deliveryDate)).get();
  return run ? await loadUnplannedParcels(db, deliveryDate) : [];
}

/**
 * Puts every order the day's plan missed onto it: a flight that has not left, a new flight, or the
 * car with its reason for the resident. A plan made before the cut-off (older versions allowed it)
 * or any other gap is repaired here instead of leaving a paid-for parcel at the store.
 */
export async function planLeftoverOrders(
  db: Db,
  deliveryDate: string,
  actor: Actor,
  now: Date,
): Promise<number[]> {
  return await db.transaction(async (tx) => {
    const parcels = await listUnplannedOrders(tx, deliveryDate);
    if (parcels.length === 0) return [];
    for (const p of parcels.filter((p) => !p.airEligible)) {
      await setOrderStatus(tx, p.id, await orderStatusOf(tx, p.id), actor, now, {
        deliveryMode: 'car',
        deliveryModeReason: describeCarReason('not_air_cargo'),
      });
    }
    await replanOntoFlights(
      tx,
      deliveryDate,
      parcels
        .filter((p) => p.airEligible)
        .map((p) => ({ orderId: p.id, hamletId: p.siteId, weightG: p.weightG })),
      {
        rewriteCarReason: true,
        carReason: 'no_flight_slot',
        note: (seq) => (seq === null ? 'ドローン便に割り当て' : `便${seq}に追加`),
      },
      actor,
      now,
    );
    return parcels.map((p) => p.id);
  });
}
