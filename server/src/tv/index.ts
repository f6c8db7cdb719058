import type { Feature } from '../features';
import { tvApi } from './routes';

export const tvFeature: Feature = { name: 'tv', api: tvApi };
