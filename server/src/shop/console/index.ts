import { Hono } from 'hono';
import type { AppEnv } from '../../lib/router';
import { hallPages } from './hall';
import { phonePages } from './phone';
import { pickingPages } from './picking';
import { salesPages } from './sales';
import { settingsPages } from './settings';

/** The shop's console: one file per screen, mounted at /console/shop. */
export const shopConsole = new Hono<AppEnv>()
  .route('/', pickingPages)
  .route('/', hallPages)
  .route('/', phonePages)
  .route('/', salesPages)
  .route('/', settingsPages);
