import type { Feature } from '../features';
import { createRouter } from '../lib/router';

/** Placeholder until the billing capability is built: the sub-app is mounted but has no routes. */
export const billingFeature: Feature = {
  name: 'billing',
  api: createRouter(),
};
