import type { Db } from '../../../db/src';
import { sumRevenue, countFailedDebits } from './billing';
import { countHouseholds } from './households';
import type { DashboardRange, Figure } from './range';
import { countDeliveries, countOrders } from './shop';
import { countRides } from './taxi';
import { countAlerts, countReminders } from './watch';

const GROUPS = [
  countHouseholds,
  countOrders,
  countDeliveries,
  countRides,
  countAlerts,
  countReminders,
  sumRevenue,
  countFailedDebits,
];

/** Every figure of the city dashboard, in the order the page shows them. */
export async function loadDashboard(db: Db, range: DashboardRange, now: Date): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const group of GROUPS) figures.push(...(await group(db, range, now)));
  return figures;
}
