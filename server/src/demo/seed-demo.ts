import type { Db } from '../../../db/src';
import { seedDemoCore, type DemoSeed } from '../../../db/src/seed';
import { seedBilling } from '../billing/demo-seed';
import { seedDroneRoutes } from '../drone/seed-drone-routes';
import { seedWatch } from '../watch/demo-seed';

/**
 * The features' own parts of the demo, after the core data and the database-only seeds, in this
 * order. A feature adds its seed here, so `db/` never imports server code.
 */
export const demoSeeds: readonly DemoSeed[] = [seedBilling, seedDroneRoutes, seedWatch];

/** The whole demo data set in one transaction (see `seedDemoCore`). */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  await seedDemoCore(db, now, demoSeeds);
}
