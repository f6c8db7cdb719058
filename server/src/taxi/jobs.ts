import type { JobDef } from '../jobs/scheduler';
import { improveTaxiPlans } from './improve-taxi-plans';

export const taxiJobs: JobDef[] = [
  {
    name: 'taxi.improve',
    cron: '* * * * *',
    run: async (deps) => await improveTaxiPlans(deps.db, deps.clock.now()),
  },
];
