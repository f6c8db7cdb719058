import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/src';
import {
  residents,
  watchAckTokens,
  watchAcks,
  watchAlerts,
  watchAlertSteps,
  watchState,
  WATCH_ACK_ACTIONS,
} from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { sha256, verifySignedToken } from '../lib/crypto';
import { z } from 'zod';
import { AppError, conflict, notFound } from '../lib/errors';
import { nextStepOfAlert } from './next-tier';
import { PeopleNames } from './people-names';

/** The actions a link offers; parsed with zod so names inherited from Object are not actions. */
export const AckActionSchema = z.enum(WATCH_ACK_ACTIONS);
export type AckAction = z.infer<typeof AckActionSchema>;

export const ACK_LABELS: Record<AckAction, string> = {
  reached: '連絡がとれました',
  visiting: '訪問します',
  fine: '大丈夫でした',
};

/** The stored ack link behind a token; 404 if forged or unknown, 410 once expired. */
export async function findToken(db: Db, token: string, secret: string, now: Date) {
  const payload = verifySignedToken<{ a: number; e: number }>(secret, token);
  const row = payload
    ? await db
        .select()
        .from(watchAckTokens)
        .where(eq(watchAckTokens.tokenHash, sha256(token)))
        .get()
    : undefined;
  if (!payload || !row || row.alertId !== payload.a) throw notFound('Link');
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(410, 'link_expired', 'このリンクは有効期限が切れています。');
  }
  return row;
}

export interface AckView {
  residentName: string;
  reasonJa: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  steps: { step: number; at: Date; count: number }[];
  /** Each answer, with who gave it (「山田 健一（長男）」, 「支援 久美子（集落支援員）」). */
  acks: { action: AckAction; at: Date; by: string }[];
  /** Who is told next and when, only if the alert waits for an answer and its ladder goes on. */
  next: { whoJa: string; at: Date } | null;
  usedActions: AckAction[];
  /** The link was sent to a family contact (who may then schedule reminders). */
  forContact: boolean;
}

/** What the family sees behind the link: the alert's status and what has been done. */
export async function getAckView(db: Db, token: string, secret: string, now: Date): Promise<AckView> {
  const t = await findToken(db, token, secret, now);
  const a = await db
    .select({ alert: watchAlerts, name: residents.name })
    .from(watchAlerts)
    .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
    .where(eq(watchAlerts.id, t.alertId))
    .get();
  if (!a) throw notFound('Alert');
  const steps = await db
    .select()
    .from(watchAlertSteps)
    .where(eq(watchAlertSteps.alertId, t.alertId))
    .orderBy(asc(watchAlertSteps.step))
    .all();
  const acks = await db
    .select()
    .from(watchAcks)
    .where(eq(watchAcks.alertId, t.alertId))
    .orderBy(asc(watchAcks.at))
    .all();
  const names = await PeopleNames.load(db, {
    staffIds: acks.flatMap((k) => (k.staffId !== null ? [k.staffId] : [])),
    tokenIds: acks.flatMap((k) => (k.tokenId !== null ? [k.tokenId] : [])),
  });
  return {
    residentName: a.name,
    reasonJa: a.alert.reasonJa,
    openedAt: a.alert.openedAt,
    acknowledgedAt: a.alert.acknowledgedAt,
    closedAt: a.alert.closedAt,
    closeReason: a.alert.closeReason,
    steps: steps.map((s) => ({ step: s.step, at: s.at, count: s.recipients.length })),
    acks: acks.map((x) => ({ action: x.action, at: x.at, by: names.acker(x) })),
    next: await nextStepOfAlert(db, t.alertId),
    usedActions: acks.filter((x) => x.tokenId === t.id).map((x) => x.action),
    forContact: t.contactId !== null,
  };
}

/**
 * "連絡がとれました" / "訪問します" stop the escalation; "大丈夫でした" also closes the alert, and
 * silence is counted afresh from now. Each action works once per link.
 */
/** Returns the alert answered, for the live boards. */
export async function acknowledgeAlert(
  db: Db,
  token: string,
  action: AckAction,
  secret: string,
  now: Date,
): Promise<number> {
  return await db.transaction(async (tx) => {
    const t = await findToken(db, token, secret, now);
    await applyAck(
      tx,
      t.alertId,
      { tokenId: t.id, staffId: null },
      { type: t.staffId ? 'staff' : 'family', id: t.staffId ?? t.contactId },
      action,
      now,
    );
    return t.alertId;
  });
}

/**
 * The one writer of an acknowledgement, for the email link and the console alike: records the
 * action, stops the escalation (and closes the alert for 大丈夫でした), audits. A link's action is
 * taken once per link (a unique index); a staff member's once per staff member.
 */
export async function applyAck(
  tx: DbOrTx,
  alertId: number,
  by: { tokenId: number; staffId: null } | { tokenId: null; staffId: number },
  actor: { type: 'staff' | 'family'; id: number | null },
  action: AckAction,
  now: Date,
): Promise<void> {
  const alert = await tx.select().from(watchAlerts).where(eq(watchAlerts.id, alertId)).get();
  if (!alert) throw notFound('Alert');
  if (alert.closedAt) throw conflict('alert_closed', 'このお知らせはすでに終わっています。');
  if (
    by.staffId !== null &&
    (await tx
      .select({ id: watchAcks.id })
      .from(watchAcks)
      .where(
        and(eq(watchAcks.alertId, alertId), eq(watchAcks.staffId, by.staffId), eq(watchAcks.action, action)),
      )
      .get())
  )
    throw conflict('already_used', 'この操作はすでに受け付けました。');
  const res = await tx
    .insert(watchAcks)
    .values({ alertId: alert.id, tokenId: by.tokenId, staffId: by.staffId, action, at: now })
    .onConflictDoNothing()
    .run();
  if (res.changes === 0) throw conflict('already_used', 'この操作はすでに受け付けました。');
  if (action === 'fine') {
    await tx
      .update(watchAlerts)
      .set({ closedAt: now, closeReason: 'settled', acknowledgedAt: alert.acknowledgedAt ?? now })
      .where(and(eq(watchAlerts.id, alert.id), isNull(watchAlerts.closedAt)))
      .run();
    await tx
      .update(watchState)
      .set({ settledAt: now.getTime(), checkAskedAt: null, checkAttempt: null, nextCheckAt: null })
      .where(eq(watchState.residentId, alert.residentId))
      .run();
  } else if (!alert.acknowledgedAt) {
    await tx.update(watchAlerts).set({ acknowledgedAt: now }).where(eq(watchAlerts.id, alert.id)).run();
  }
  await recordAudit(tx, now, actor, `watch.ack.${action}`, 'watch_alert', alert.id);
}
