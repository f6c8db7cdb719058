import type { JobDef } from '../jobs/scheduler';
import { startPicking } from './start-picking';

/**
 * Every minute, because the cut-off time is configuration: the job works out from the database
 * which received orders are past their cut-off and hands them to the store.
 */
export const shopJobs: JobDef[] = [
  {
    name: 'shop.start-picking',
    cron: '* * * * *',
    run: async (deps) => await startPicking(deps.db, deps.clock.now()),
  },
];
