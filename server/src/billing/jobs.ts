import type { JobDef } from '../jobs/scheduler';
import { getBillingSettings } from './billing-settings';
import { CLOSE_JOB, closeDueMonths } from './close-due-months';

export const billingJobs: JobDef[] = [
  {
    name: CLOSE_JOB,
    // 00:30 on the 1st, Tokyo; the scheduler also runs it at start, which catches up missed months.
    cron: '30 0 1 * *',
    async run(deps) {
      const results = await closeDueMonths(deps, deps.clock.now(), await getBillingSettings(deps.db));
      for (const r of results)
        deps.logger.info({ month: r.month, statements: r.statementCount, report: r.report }, 'billing close');
      return results.map((r) => r.month);
    },
  },
];
