import { createRoute, z } from '@hono/zod-openapi';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Deps } from '../deps';
import { clientAddress } from '../lib/client-address';
import { tooManyRequests } from '../lib/errors';
import { errorResponses, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { announceBox, claimBox } from './box-pairing';

/**
 * Public (no token: the box has none yet). Mounted at /api/tv ahead of the TV feature, whose
 * device-auth middleware would otherwise refuse these two routes.
 */
export const boxPairingApi = createRouter();

/**
 * Per client address, like the login limits: a box announces once a run and polls every ~5 s, so
 * these only stop a client guessing numbers or flooding the table.
 */
export const PAIRING_LIMITS = { announcePer15Min: 30, claimPer15Min: 400 } as const;
const limiters = new WeakMap<Deps, { announce: RateLimiterMemory; claim: RateLimiterMemory }>();
async function limit(deps: Deps, kind: 'announce' | 'claim', address: string) {
  let l = limiters.get(deps);
  if (!l)
    limiters.set(
      deps,
      (l = {
        announce: new RateLimiterMemory({ points: PAIRING_LIMITS.announcePer15Min, duration: 900 }),
        claim: new RateLimiterMemory({ points: PAIRING_LIMITS.claimPer15Min, duration: 900 }),
      }),
    );
  try {
    await l[kind].consume(address);
  } catch {
    throw tooManyRequests();
  }
}

const Code = z
  .string()
  .regex(/^\d{8}$/)
  .openapi({ example: '91341438' });

boxPairingApi.openapi(
  createRoute({
    method: 'post',
    path: '/pairing',
    tags: ['tv'],
    summary: 'An unregistered box announces its number (with the SHA-256 of its secret)',
    request: jsonBody(z.object({ code: Code, secretHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
    responses: { 200: jsonResponse(z.object({ status: z.literal('pending') })), ...errorResponses },
  }),
  async (c) => {
    await limit(c.var.deps, 'announce', clientAddress(c));
    const { code, secretHash } = c.req.valid('json');
    await announceBox(c.var.deps.db, code, secretHash, c.var.deps.clock.now());
    return c.json({ status: 'pending' as const }, 200);
  },
);

const ClaimResultSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('pending') }),
    z.object({ status: z.literal('paired'), token: z.string() }),
  ])
  .openapi('TvPairingClaim');

boxPairingApi.openapi(
  createRoute({
    method: 'post',
    path: '/pairing/claim',
    tags: ['tv'],
    summary: 'The box polls with its secret; once staff paired its number, it gets its token once',
    request: jsonBody(z.object({ code: Code, secret: z.string().min(16).max(200) }).strict()),
    responses: { 200: jsonResponse(ClaimResultSchema), ...errorResponses },
  }),
  async (c) => {
    await limit(c.var.deps, 'claim', clientAddress(c));
    const { code, secret } = c.req.valid('json');
    return c.json(await claimBox(c.var.deps.db, code, secret, c.var.deps.clock.now()), 200);
  },
);
