import type { Feature } from '../features';
import { liveConsole } from './routes';

export const liveFeature: Feature = { name: 'live', console: liveConsole };
