import type { Feature } from '../features';
import { createRouter } from '../lib/router';

/** Placeholder until the watch capability is built: the sub-app is mounted but has no routes. */
export const watchFeature: Feature = {
  name: 'watch',
  api: createRouter(),
};
