import type { Feature } from '../features';
import { droneConsole } from './console';
import { droneJobs } from './jobs';
import { droneApi } from './routes';

export {
  getDroneSettings,
  saveDroneSettings,
  DroneSettingsSchema,
  type DroneSettings,
} from './drone-settings';

export const droneFeature: Feature = {
  name: 'drone',
  api: droneApi,
  console: droneConsole,
  jobs: droneJobs,
  home: { drone_operator: '/console/drone' },
  nav: [{ label: 'ドローン基地', href: '/console/drone', roles: ['drone_operator'] }],
};
