import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { JobDef } from './jobs/scheduler';
import type { AppEnv } from './lib/router';
import type { NavItem } from './console/nav';
import type { StaffRole } from '../../db/src/schema';
import { adminConsoleFeature, adminFeature, boxPairingFeature } from './admin';
import { tvFeature } from './tv';
import { shopFeature } from './shop';
import { droneFeature } from './drone';
import { taxiFeature } from './taxi';
import { watchFeature } from './watch';
import { billingFeature } from './billing';
import { dashboardFeature } from './dashboard';
import { liveFeature } from './live';
import { callcentreFeature } from './callcentre';

/**
 * A capability of the product. Its parts are mounted by name:
 * `api` at /api/<name>, `console` at /console/<name>, `pages` (public, e.g. links in emails) at /p/<name>.
 */
export interface Feature {
  name: string;
  api?: OpenAPIHono<AppEnv>;
  console?: Hono<AppEnv>;
  pages?: Hono<AppEnv>;
  jobs?: JobDef[];
  nav?: NavItem[];
  /** The page each role lands on after login when this feature is its work (see `addHome`). */
  home?: Partial<Record<StaffRole, string>>;
}

export const features: Feature[] = [
  adminFeature,
  boxPairingFeature,
  tvFeature,
  dashboardFeature,
  shopFeature,
  droneFeature,
  taxiFeature,
  watchFeature,
  billingFeature,
  liveFeature,
  callcentreFeature,
  adminConsoleFeature,
];
