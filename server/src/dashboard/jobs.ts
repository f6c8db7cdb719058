import type { JobDef } from '../jobs/scheduler';
import { tokyoDate } from '../lib/tokyo';
import { refreshSummary, summaryState } from './summary';

export const dashboardJobs: JobDef[] = [
  {
    // Hourly, so a day is summarised soon after it ends and a run missed while the server was down
    // is made up at the next start; it refreshes once per Tokyo day.
    name: 'dashboard.summary',
    cron: '10 * * * *',
    run: async ({ db, clock }) => {
      const now = clock.now();
      const state = await summaryState(db);
      if (state && state.through >= tokyoDate(now)) return { due: false };
      return await refreshSummary(db, now);
    },
  },
];
