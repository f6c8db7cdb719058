import type { JobDef } from '../jobs/scheduler';
import { improveTaxiPlans } from './improve-taxi-plans';

export const taxiJobs: JobDef[] = [
  { name: 'taxi.improve', cron: '* * * * *', run: (deps) => improveTaxiPlans(deps.db, deps.clock.now()) },
];
