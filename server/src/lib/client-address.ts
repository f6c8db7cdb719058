import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './router';
import { resolveClientAddress } from './trust-proxy';

/** The TCP peer when served by node-server; 'local' for in-process `app.request()` calls. */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** The client's address: the TCP peer, or what a trusted proxy (`TRUST_PROXY`) says it saw. */
export function clientAddress(c: Context<AppEnv>): string {
  return resolveClientAddress(c.var.deps.config.TRUST_PROXY, peerAddress(c), c.req.header('x-forwarded-for'));
}
