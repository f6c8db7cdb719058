import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { StaffRole } from '../../../db/src/schema';
import { deviceSecurity, errorResponses, staffSecurity } from '../lib/openapi';
import { requireDevice } from './device-auth';
import { requireStaff } from './staff-auth';

type Guarded = Omit<RouteConfig, 'security' | 'middleware'>;

/**
 * An API route for the set-top box: the device token is required and documented, and the
 * standard error responses are added, so a route states only what is its own.
 */
export function deviceRoute<const R extends Guarded>(route: R) {
  return createRoute({
    ...route,
    security: deviceSecurity,
    middleware: [requireDevice()] as const,
    responses: { ...route.responses, ...errorResponses },
  });
}

/** An API route for staff with one of `roles` (session cookie), with the standard errors. */
export function staffRoute<const R extends Guarded>(roles: readonly StaffRole[], route: R) {
  return createRoute({
    ...route,
    security: staffSecurity,
    middleware: [requireStaff(...roles)] as const,
    responses: { ...route.responses, ...errorResponses },
  });
}
