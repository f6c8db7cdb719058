import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './router';

/**
 * Routes a box calls every few minutes: one log line per call would be gigabytes a day at the
 * expected box count, so their successes are counted and logged once per minute instead.
 */
const AGGREGATED = new Set(['POST /api/watch/activity']);

interface Tally {
  minute: number;
  count: number;
  maxMs: number;
  totalMs: number;
}

/**
 * One log line per request (paths only: query strings can carry tokens), except 2xx answers of
 * the aggregated routes, which become one `requests aggregated` line per route and minute
 * (count, mean and max duration). Any other status of those routes is still logged one by one,
 * so failures stay visible. A minute's tally is written by the first such request of a later
 * minute (by the injected clock), so a quiet route holds its last tally until it is called again.
 */
export function logRequests(): MiddlewareHandler<AppEnv> {
  const tallies = new Map<string, Tally>();
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    const { logger, clock } = c.var.deps;
    const route = `${c.req.method} ${c.req.path}`;
    const status = c.res.status;
    if (!AGGREGATED.has(route) || status < 200 || status >= 300) {
      logger.info({ method: c.req.method, path: c.req.path, status, ms }, 'request');
      return;
    }
    const minute = Math.floor(clock.now().getTime() / 60_000);
    let t = tallies.get(route);
    if (t && t.minute !== minute) {
      logger.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: '2xx',
          minute: new Date(t.minute * 60_000).toISOString(),
          count: t.count,
          meanMs: Math.round((t.totalMs / t.count) * 10) / 10,
          maxMs: t.maxMs,
        },
        'requests aggregated',
      );
      t = undefined;
    }
    if (!t) tallies.set(route, (t = { minute, count: 0, maxMs: 0, totalMs: 0 }));
    t.count++;
    t.totalMs += ms;
    t.maxMs = Math.max(t.maxMs, ms);
  };
}
