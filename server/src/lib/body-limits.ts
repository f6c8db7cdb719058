import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loadStaff } from '../auth/staff-auth';
import { AppError } from './errors';
import type { AppEnv } from './router';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The one table of request-body limits (docs/operations.md repeats it). First match wins; a route
 * not listed gets the default of its area. Limits are sized to the largest legitimate body with
 * generous headroom, so a refusal always means a broken or hostile client.
 */
export const BODY_LIMITS: readonly {
  method: string;
  path: RegExp;
  maxSize: number;
  why: string;
  /** The limit holds for a signed-in staff session only; anyone else gets the next matching one. */
  signedInOnly?: boolean;
}[] = [
  // A heartbeat is `{"kind":"heartbeat"}`; the headroom leaves room for a batch of activity a box
  // could not send during an outage.
  { method: 'POST', path: /^\/api\/watch\/activity$/, maxSize: 16 * KiB, why: 'TV heartbeat' },
  { method: 'POST', path: /^\/console\/login$/, maxSize: 4 * KiB, why: 'login form' },
  // An unregistered box's `{code, secretHash}` / `{code, secret}`: well under 200 bytes, and anonymous.
  { method: 'POST', path: /^\/api\/tv\/pairing(\/claim)?$/, maxSize: 1 * KiB, why: 'TV pairing' },
  // A Zengin result file is 120 bytes per household: 16 MiB holds ~130,000 households.
  // The limit is checked before authentication, so an anonymous client must not get to make the
  // server buffer a large (chunked) body: only a signed-in session gets the big limit.
  {
    method: 'POST',
    path: /^\/console\/billing\/results$/,
    maxSize: 16 * MiB,
    why: 'bank result file',
    signedInOnly: true,
  },
  // Waypoints of a drone route (a few hundred points at most).
  { method: 'PUT', path: /^\/api\/drone\/routes\/[^/]+$/, maxSize: 256 * KiB, why: 'drone route' },
  { method: '*', path: /^\/api\//, maxSize: 64 * KiB, why: 'JSON API' },
  { method: '*', path: /^\/console\//, maxSize: 64 * KiB, why: 'console form' },
  { method: '*', path: /^\/p\//, maxSize: 16 * KiB, why: 'family page form' },
];

/** Anything else (the TV app's static files, /demo, /healthz) takes no body at all. */
export const OTHER_BODY_LIMIT = 1 * KiB;

export async function bodyLimitFor(
  method: string,
  path: string,
  signedIn: () => Promise<boolean> | boolean = () => true,
): Promise<number> {
  for (const l of BODY_LIMITS) {
    if (
      (l.method === '*' || l.method === method) &&
      l.path.test(path) &&
      (!l.signedInOnly || (await signedIn()))
    )
      return l.maxSize;
  }
  return OTHER_BODY_LIMIT;
}

const formatSize = (bytes: number) =>
  bytes >= MiB ? `${bytes / MiB} MiB` : bytes >= KiB ? `${bytes / KiB} KiB` : `${bytes} バイト`;

/**
 * Refuses a body over its route's limit with 413, from Content-Length before reading anything, or
 * as soon as a chunked body passes the limit; node-server then stops reading and closes the socket.
 * Runs before routing, so no handler ever buffers an oversized body.
 */
export function limitRequestBodies(): MiddlewareHandler<AppEnv> {
  const limiters = new Map<number, MiddlewareHandler>();
  const limiterFor = (maxSize: number) => {
    let l = limiters.get(maxSize);
    if (!l) {
      l = bodyLimit({
        maxSize,
        onError: () => {
          throw new AppError(
            413,
            'payload_too_large',
            `送信されたデータが大きすぎます（上限 ${formatSize(maxSize)}）`,
          );
        },
      });
      limiters.set(maxSize, l);
    }
    return l;
  };
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = await bodyLimitFor(c.req.method, c.req.path, async () => (await loadStaff(c)) !== null);
    return limiterFor(limit)(c, next);
  };
}
