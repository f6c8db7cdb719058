import type { JobDef } from '../jobs/scheduler';
import { systemActor } from '../lib/audit';
import { tokyoDate, tokyoTime } from '../lib/tokyo';
import { isDeliveryDay } from '../shop/calendar';
import { getShopSettings } from '../shop/shop-settings';
import { CUTOFF_JOB, planDeliveryDay } from './plan-delivery-day';
import { getDroneSettings } from './drone-settings';

/**
 * Runs every few minutes and at start. Today's plan is due from the cut-off until the flight window
 * closes, so a server that was down at 11:00 plans on its first run afterwards; a day missed
 * entirely is not planned late (its parcels are the operator's to handle on the board).
 */
export function runCutoffPlan(deps: Parameters<JobDef['run']>[0]) {
  const now = deps.clock.now();
  const date = tokyoDate(now);
  const { calendar } = getShopSettings(deps.db);
  if (!isDeliveryDay(date, calendar)) return { due: false as const };
  const time = tokyoTime(now);
  if (time < calendar.cutoff || time >= getDroneSettings(deps.db).flightWindowEnd)
    return { due: false as const };
  return { due: true as const, ...planDeliveryDay(deps.db, date, systemActor, now) };
}

export const droneJobs: JobDef[] = [{ name: CUTOFF_JOB, cron: '*/5 * * * *', run: runCutoffPlan }];
