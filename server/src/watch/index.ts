import type { Feature } from '../features';
import { watchConsole } from './console';
import { watchJobs } from './jobs';
import { watchPages } from './pages';
import { watchApi } from './routes';

/** Other features call this for orders placed, rides taken and parcels handed over in person. */
export { recordLifeSign } from './record-life-sign';
export { enrollResident } from './enroll-resident';
export { runWatchPass } from './run-watch-pass';

export const watchFeature: Feature = {
  name: 'watch',
  api: watchApi,
  console: watchConsole,
  pages: watchPages,
  jobs: watchJobs,
  home: { support_worker: '/console/watch/today' },
  nav: [
    { label: '今日の見守り', href: '/console/watch/today', roles: ['support_worker'] },
    { label: '見守り', href: '/console/watch', roles: ['city_staff', 'support_worker'] },
  ],
};
/** The call centre's resident page: watch state (read only) and the away periods it sets and ends. */
export { summariseResidents, type ResidentWatchSummary } from './summarise-resident';
export { setAwayByStaff } from './set-away';
export { endAwayPeriod } from './end-away-period';
