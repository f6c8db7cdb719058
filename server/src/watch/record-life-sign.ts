import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import type { LifeSignKind } from './detector/types';

export const SLOT_MS = 15 * 60_000;
/** Presence flags per slot: the TV was on, a key was pressed, another life sign happened. */
export const PRESENCE_TV = 1;
export const PRESENCE_KEY = 2;
export const PRESENCE_LIFE = 4;

export type OtherLifeSign = Exclude<LifeSignKind, 'keys' | 'tv_on'>;

/**
 * Other features call this when a resident shows a sign of life: an order placed, a taxi ride
 * taken, a reminder confirmed, a parcel handed over in person (never a 不在). It does nothing for
 * a resident who is not being watched. Safe inside the caller's transaction.
 */
export async function recordLifeSign(
  db: DbOrTx,
  residentId: number,
  kind: OtherLifeSign,
  at: Date,
): Promise<void> {
  const ms = at.getTime();
  const watched = await db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM watch_settings WHERE resident_id = ${residentId} AND enabled = 1`,
  );
  if (!watched || watched.n === 0) return;
  await db.run(
    sql`INSERT INTO watch_presence (resident_id, slot, flags) VALUES (${residentId}, ${Math.floor(ms / SLOT_MS)}, ${PRESENCE_LIFE})
        ON CONFLICT (resident_id, slot) DO UPDATE SET flags = flags | excluded.flags`,
  );
  // A confirmed reminder is a key press on the TV: it also answers a pending check.
  const clearsCheck = kind === 'reminder_confirmed' ? 1 : 0;
  if (clearsCheck)
    await db.run(
      sql`UPDATE watch_normal SET answered = answered + 1 WHERE resident_id = ${residentId} AND EXISTS (
          SELECT 1 FROM watch_state WHERE resident_id = ${residentId}
          AND (check_asked_at IS NOT NULL OR greeted_at IS NOT NULL))`,
    );
  await db.run(
    sql`UPDATE watch_state SET last_sign_at = max(coalesce(last_sign_at, 0), ${ms}),
        check_asked_at = CASE WHEN ${clearsCheck} = 1 THEN NULL ELSE check_asked_at END,
        check_attempt = CASE WHEN ${clearsCheck} = 1 THEN NULL ELSE check_attempt END,
        greeted_at = CASE WHEN ${clearsCheck} = 1 THEN NULL ELSE greeted_at END,
        next_check_at = NULL
        WHERE resident_id = ${residentId}`,
  );
}
