import type { Feature } from '../features';
import { callcentreConsole } from './console';

export const callcentreFeature: Feature = {
  name: 'callcentre',
  console: callcentreConsole,
  home: { call_centre: '/console/callcentre' },
  nav: [{ label: '住民をさがす', href: '/console/callcentre', roles: ['call_centre'] }],
};
