import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../lib/router';
import { forbidden } from '../lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every console write, whatever its content type (hono/csrf only looks at form
 * content types, so a JSON body slipped past it). An unsafe method must come from our own origin:
 * the browser's `Origin` header names the request's own origin or PUBLIC_BASE_URL (what staff see
 * behind a reverse proxy), or, when a browser omits Origin or sends `null` (it does under a
 * `no-referrer` policy), `Sec-Fetch-Site: same-origin` vouches. Anything else — a foreign origin,
 * or neither header — is refused with 403.
 */
export function sameOriginWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const allowed =
      origin !== undefined && origin !== 'null'
        ? origin === new URL(c.req.url).origin || origin === new URL(c.var.deps.config.PUBLIC_BASE_URL).origin
        : c.req.header('sec-fetch-site') === 'same-origin';
    if (!allowed)
      throw forbidden('別のサイトからの送信は受け付けません。コンソールの画面から操作してください');
    return next();
  };
}
