import type { Feature } from '../features';
import { createRouter } from '../lib/router';

/** Placeholder until the drone capability is built: the sub-app is mounted but has no routes. */
export const droneFeature: Feature = {
  name: 'drone',
  api: createRouter(),
};
