import type { Db } from '..';
import { seedShop } from './shop';
import { seedTaxi } from './taxi';

/** A feature's part of the demo: runs after the core demo data, inside the same transaction. */
export type DemoSeed = (db: Db, now: Date) => Promise<void> | void;

/**
 * Feature seeds that need nothing but the database, in this order. Seeds that need a feature's own
 * code (enrolling, reminders, kana normalisation, routes) live in that feature and are listed in
 * `server/src/demo/seed-demo.ts`: `db/` imports nothing above it.
 */
export const featureSeeds: DemoSeed[] = [seedShop, seedTaxi];
