import type { DbOrTx } from '../../../db/src';
import { watchAckTokens } from '../../../db/src/schema';
import { randomToken, sha256, signToken } from '../lib/crypto';

export const ACK_LINK_TTL_MS = 72 * 3_600_000;

/**
 * A signed, expiring link for one recipient of one alert. Only the token's hash is stored; each
 * action on the page can be used once per link.
 */
export async function issueAckLink(
  db: DbOrTx,
  opts: {
    alertId: number;
    contactId: number | null;
    staffId: number | null;
    secret: string;
    baseUrl: string;
  },
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + ACK_LINK_TTL_MS);
  const token = signToken(opts.secret, { a: opts.alertId, n: randomToken(16), e: expiresAt.getTime() });
  await db
    .insert(watchAckTokens)
    .values({
      alertId: opts.alertId,
      tokenHash: sha256(token),
      contactId: opts.contactId,
      staffId: opts.staffId,
      expiresAt,
      createdAt: now,
    })
    .run();
  return { url: `${opts.baseUrl.replace(/\/$/, '')}/p/watch/ack/${token}`, expiresAt };
}
