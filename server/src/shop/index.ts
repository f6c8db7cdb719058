import type { Feature } from '../features';
import { createRouter } from '../lib/router';

/** Placeholder until the shop capability is built: the sub-app is mounted but has no routes. */
export const shopFeature: Feature = {
  name: 'shop',
  api: createRouter(),
};
