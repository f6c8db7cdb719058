import type { Feature } from '../features';
import { taxiConsole } from './console/index';
import { taxiJobs } from './jobs';
import { taxiApi } from './routes';

export const taxiFeature: Feature = {
  name: 'taxi',
  api: taxiApi,
  console: taxiConsole,
  jobs: taxiJobs,
  home: { driver: '/console/taxi/driver' },
  nav: [
    { label: '運転手', href: '/console/taxi/driver', roles: ['driver'] },
    { label: 'タクシー電話受付', href: '/console/taxi/calls', roles: ['call_centre'] },
    { label: 'タクシー運行', href: '/console/taxi/city', roles: ['city_staff'] },
  ],
};
