import type { Feature } from '../features';
import { dashboardConsole } from './console';

export const dashboardFeature: Feature = {
  name: 'dashboard',
  console: dashboardConsole,
  home: { city_staff: '/console/dashboard' },
  nav: [{ label: 'ダッシュボード', href: '/console/dashboard', roles: ['city_staff'] }],
};
