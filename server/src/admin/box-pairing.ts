import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { boxPairingRequests, setTopBoxes } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { randomToken, sha256 } from '../lib/crypto';
import { AppError, conflict } from '../lib/errors';
import { pairBox } from './boxes';

/** A pending number is forgotten after this; the box simply announces itself again. */
export const PAIRING_TTL_MS = 30 * 60_000;

/** Luhn, as the box computes it (tv-app/src/pages/unregistered/boxCode.ts): catches a misheard digit. */
function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isBoxCode(code: string): boolean {
  return /^\d{8}$/.test(code) && luhnDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

/** What staff type: spaces, hyphens and full-width digits are how people write a number down. */
export function normalizeBoxCode(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-－ー]/g, '');
}

const unknownCode = () =>
  new AppError(
    404,
    'pairing_not_found',
    'この番号のテレビは見つかりません。テレビに表示された番号をもう一度ご確認ください',
  );

/**
 * The box announces its number with the SHA-256 of a secret only it holds. Announcing again with
 * the same secret changes nothing (it retries after a lost answer); another secret for a number
 * still pending is refused, so nobody can take over a number a box is showing.
 */
export async function announceBox(db: Db, code: string, secretHash: string, now: Date): Promise<void> {
  if (!isBoxCode(code)) throw new AppError(400, 'invalid_code', 'Box code check digit does not match');
  await db.transaction(async (tx) => {
    const row = await tx.select().from(boxPairingRequests).where(eq(boxPairingRequests.code, code)).get();
    const live = row && row.claimedAt === null && (row.expiresAt > now || row.boxId !== null);
    if (live) {
      if (row.secretHash !== secretHash)
        throw conflict('code_in_use', 'This box code is in use by another box');
      return;
    }
    if (row) await tx.delete(boxPairingRequests).where(eq(boxPairingRequests.id, row.id)).run();
    await tx
      .insert(boxPairingRequests)
      .values({ code, secretHash, createdAt: now, expiresAt: new Date(now.getTime() + PAIRING_TTL_MS) })
      .run();
  });
}

export type ClaimResult = { status: 'pending' } | { status: 'paired'; token: string };

/**
 * The box polls with its secret. Once staff have paired the number, the first claim gets a fresh
 * token (its hash replaces the one `pairBox` made, which nobody ever saw), and the request is
 * spent. A wrong secret learns nothing: it gets the same 404 as an unknown number.
 */
export async function claimBox(db: Db, code: string, secret: string, now: Date): Promise<ClaimResult> {
  return await db.transaction(async (tx) => {
    const row = await tx.select().from(boxPairingRequests).where(eq(boxPairingRequests.code, code)).get();
    if (!row || row.claimedAt !== null || row.secretHash !== sha256(secret)) throw unknownCode();
    if (row.boxId === null) {
      if (row.expiresAt <= now) throw unknownCode();
      return { status: 'pending' as const };
    }
    const token = randomToken();
    const r = await tx
      .update(setTopBoxes)
      .set({ tokenHash: sha256(token) })
      .where(and(eq(setTopBoxes.id, row.boxId), isNull(setTopBoxes.revokedAt)))
      .run();
    await tx
      .update(boxPairingRequests)
      .set({ claimedAt: now })
      .where(eq(boxPairingRequests.id, row.id))
      .run();
    // Staff revoked the box before it came to collect: the number is spent, the box starts over.
    if (r.changes !== 1) throw unknownCode();
    return { status: 'paired' as const, token };
  });
}

/**
 * Staff pair a pending number with a household (`pairBox`'s rules: a household with a live box
 * needs `replaceBoxId`). An unknown, expired or already-paired number changes nothing.
 */
export async function pairByCode(
  db: Db,
  actor: Actor,
  rawCode: string,
  householdId: number,
  replaceBoxId: number | null,
  now: Date,
): Promise<{ boxId: number; deviceId: string }> {
  const code = normalizeBoxCode(rawCode);
  if (!isBoxCode(code))
    throw new AppError(
      400,
      'invalid_code',
      '番号が正しくありません。テレビに表示された8けたの番号をもう一度ご確認ください',
    );
  return await db.transaction(async (tx) => {
    const row = await tx.select().from(boxPairingRequests).where(eq(boxPairingRequests.code, code)).get();
    if (!row || row.claimedAt !== null || row.expiresAt <= now) throw unknownCode();
    if (row.boxId !== null) throw conflict('already_paired', 'この番号のテレビはもう登録されています');
    // Nested in this transaction (a savepoint), so a refused pairing leaves the request untouched.
    const p = await pairBox(tx as unknown as Db, actor, householdId, replaceBoxId, now);
    await tx
      .update(boxPairingRequests)
      .set({ boxId: p.boxId, pairedAt: now })
      .where(eq(boxPairingRequests.id, row.id))
      .run();
    await recordAudit(tx, now, actor, 'box.pair_by_code', 'set_top_box', p.boxId, { householdId, code });
    return { boxId: p.boxId, deviceId: p.deviceId };
  });
}
