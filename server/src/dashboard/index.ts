import type { Feature } from '../features';
import { dashboardConsole } from './console';
import { dashboardJobs } from './jobs';

export const dashboardFeature: Feature = {
  name: 'dashboard',
  console: dashboardConsole,
  jobs: dashboardJobs,
  home: { city_staff: '/console/dashboard' },
  nav: [{ label: 'ダッシュボード', href: '/console/dashboard', roles: ['city_staff'] }],
};
