import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { households, setTopBoxes } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { randomToken, sha256 } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';

export interface PairedBox {
  boxId: number;
  deviceId: string;
  /** The bearer token the box is set up with; only its hash is stored, so it is shown once. */
  token: string;
}

/**
 * Pairs a new box with a household, revoking the box it replaces (if any) in the same write, so a
 * household never has two live boxes nor a gap where a half-done replacement left none.
 */
export async function pairBox(
  db: Db,
  actor: Actor,
  householdId: number,
  replaceBoxId: number | null,
  now: Date,
): Promise<PairedBox> {
  return await db.transaction(async (tx) => {
    const hh = await tx
      .select({ id: households.id })
      .from(households)
      .where(eq(households.id, householdId))
      .get();
    if (!hh) throw notFound('Household');
    const live = await tx
      .select({ id: setTopBoxes.id })
      .from(setTopBoxes)
      .where(and(eq(setTopBoxes.householdId, householdId), isNull(setTopBoxes.revokedAt)))
      .all();
    if (replaceBoxId === null && live.length > 0)
      throw conflict('box_paired', 'この世帯には使用中の端末があります。「交換」を使ってください');
    if (replaceBoxId !== null) {
      if (!live.some((b) => b.id === replaceBoxId)) throw notFound('Set-top box');
      await tx.update(setTopBoxes).set({ revokedAt: now }).where(eq(setTopBoxes.id, replaceBoxId)).run();
    }
    const token = randomToken();
    const deviceId = `stb-${randomToken(6)}`;
    const row = await tx
      .insert(setTopBoxes)
      .values({ deviceId, tokenHash: sha256(token), householdId, createdAt: now })
      .returning({ id: setTopBoxes.id })
      .get();
    await recordAudit(
      tx,
      now,
      actor,
      replaceBoxId === null ? 'box.pair' : 'box.replace',
      'set_top_box',
      row.id,
      {
        householdId,
        replaced: replaceBoxId,
      },
    );
    return { boxId: row.id, deviceId, token };
  });
}

/** Revokes a box: its token stops working at once (device auth skips revoked rows). */
export async function unpairBox(db: Db, actor: Actor, boxId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await tx
      .update(setTopBoxes)
      .set({ revokedAt: now })
      .where(and(eq(setTopBoxes.id, boxId), isNull(setTopBoxes.revokedAt)))
      .run();
    if (r.changes !== 1) throw notFound('Set-top box');
    await recordAudit(tx, now, actor, 'box.unpair', 'set_top_box', boxId);
  });
}
