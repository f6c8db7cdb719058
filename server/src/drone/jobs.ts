import type { JobDef } from '../jobs/scheduler';
import { systemActor } from '../lib/audit';
import { tokyoDate, tokyoTime } from '../lib/tokyo';
import { isDeliveryDay } from '../shop/calendar';
import { getShopSettings } from '../shop/shop-settings';
import { CUTOFF_JOB, planDeliveryDay } from './plan-delivery-day';
import { getDroneSettings } from './drone-settings';
import { planLeftoverOrders } from './plan-leftover-orders';

/**
 * Runs every few minutes and at start. Today's plan is due from the cut-off until the flight window
 * closes, so a server that was down at 11:00 plans on its first run afterwards; a day missed
 * entirely is not planned late (its parcels are the operator's to handle on the board). Each run
 * after the cut-off also puts on the plan any accepted order of the day that it missed.
 */
export async function runCutoffPlan(deps: Parameters<JobDef['run']>[0]) {
  const now = deps.clock.now();
  const date = tokyoDate(now);
  const { calendar } = await getShopSettings(deps.db);
  if (!isDeliveryDay(date, calendar)) return { due: false as const };
  const time = tokyoTime(now);
  if (time < calendar.cutoff) return { due: false as const };
  const due = time < (await getDroneSettings(deps.db)).flightWindowEnd;
  const plan = due ? await planDeliveryDay(deps.db, date, systemActor, now) : undefined;
  // The daily check: an accepted order the plan missed goes onto it (a flight, or the car) rather
  // than waiting at the store; after the flight window that is the car.
  const leftovers = await planLeftoverOrders(deps.db, date, systemActor, now);
  if (leftovers.length > 0)
    deps.logger.warn(
      { deliveryDate: date, orderIds: leftovers },
      'orders missing from the delivery plan planned',
    );
  return plan ? { due: true as const, ...plan, leftovers } : { due: false as const };
}

export const droneJobs: JobDef[] = [{ name: CUTOFF_JOB, cron: '*/5 * * * *', run: runCutoffPlan }];
