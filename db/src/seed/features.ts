import type { Db } from '..';
import { seedBilling } from './billing';
import { seedShop } from './shop';
import { seedTaxi } from './taxi';
import { seedWatch } from './watch';
import { seedDroneRoutes } from '../../../server/src/drone/seed-drone-routes';

/**
 * Feature seeds run after the core demo data, inside the same transaction, in this order.
 * Add a line per feature: `import { seedShop } from './shop'` and list it.
 */
export const featureSeeds: ((db: Db, now: Date) => void)[] = [
  seedShop,
  seedBilling,
  seedTaxi,
  seedDroneRoutes,
  seedWatch,
];
