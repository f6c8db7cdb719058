import type { Feature } from '../features';
import { billingConsole } from './console';
import { billingJobs } from './jobs';
import { billingApi } from './routes';

export const billingFeature: Feature = {
  name: 'billing',
  api: billingApi,
  console: billingConsole,
  jobs: billingJobs,
  nav: [{ label: '請求・口座振替', href: '/console/billing', roles: ['city_staff'] }],
};
