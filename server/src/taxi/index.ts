import type { Feature } from '../features';
import { createRouter } from '../lib/router';

/** Placeholder until the taxi capability is built: the sub-app is mounted but has no routes. */
export const taxiFeature: Feature = {
  name: 'taxi',
  api: createRouter(),
};
