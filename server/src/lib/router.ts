import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../deps';
import { badRequest } from './errors';

export interface DeviceAuth {
  boxId: number;
  householdId: number;
}

export interface StaffAuth {
  id: number;
  role: import('../../../db/src/schema').StaffRole;
  name: string;
  hamletId: number | null;
  sellerId: number | null;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    device: DeviceAuth;
    staff: StaffAuth;
  };
};

/**
 * Every API sub-app is made here, so a request that fails its zod schema becomes the same
 * 400 `invalid_request` error everywhere, naming the fields.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        throw badRequest('invalid_request', `Invalid request: ${summary}`, issues);
      }
    },
  });
}
