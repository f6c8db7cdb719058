import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { DbOrTx } from '../../../db/src';
import { mailOutbox } from '../../../db/src/schema';
import type { Deps } from '../deps';

export interface OutgoingMail {
  /** Unique per logical message (e.g. 'alert:12:step:1:contact:3'): enqueueing twice sends once. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Queues a message in the caller's transaction. Returns false if that message was already queued. */
export function enqueueMail(db: DbOrTx, mail: OutgoingMail, now: Date): boolean {
  const res = db
    .insert(mailOutbox)
    .values({ ...mail, html: mail.html ?? null, createdAt: now, nextAttemptAt: now })
    .onConflictDoNothing()
    .run();
  return res.changes === 1;
}

/** 1, 2, 4 … minutes, at most an hour: a message is retried until it is delivered, never dropped. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** Sends what is due. Safe to call often; the scheduler never runs two at once. */
export async function deliverOutbox(
  deps: Deps,
  transport: Transporter | null,
  batch = 50,
): Promise<DeliveryResult> {
  if (!transport) return { sent: 0, failed: 0 };
  const { db, clock, config } = deps;
  const due = db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, clock.now())))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(batch)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    try {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        // Stable id: if a crash hits between SMTP accepting and the row being marked, the resend
        // carries the same Message-ID, which receiving systems use to drop the duplicate.
        messageId: `<outbox-${m.id}-${m.dedupeKey.replace(/[^\w.-]/g, '_')}@engawa>`,
      });
      db.update(mailOutbox)
        .set({ sentAt: clock.now(), attempts: m.attempts + 1, lastError: null })
        .where(eq(mailOutbox.id, m.id))
        .run();
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      db.update(mailOutbox)
        .set({
          attempts,
          nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)),
          lastError: String((err as Error).message ?? err).slice(0, 500),
        })
        .where(eq(mailOutbox.id, m.id))
        .run();
      failed++;
    }
  }
  if (failed) deps.logger.warn({ sent, failed }, 'mail delivery failures; will retry');
  return { sent, failed };
}
