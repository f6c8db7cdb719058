import type { Feature } from '../features';
import { adminApi } from './routes';

/** Staff-wide API: who am I, the audit log. */
export const adminFeature: Feature = { name: 'staff', api: adminApi };
