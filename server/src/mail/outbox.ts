import { and, asc, eq, inArray, lt, lte } from 'drizzle-orm';
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
export async function enqueueMail(db: DbOrTx, mail: OutgoingMail, now: Date): Promise<boolean> {
  const res = await db
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

/**
 * The delivery job runs on the minute, and its timer may fire a little later one minute than the
 * next; a retry due "one minute after" an attempt must not wait for the tick after.
 */
const TICK_SLACK_MS = 2_000;

/**
 * The same for every attempt of a message (never the attempt number): receiving systems drop a
 * second copy carrying a Message-ID they have already seen.
 */
export function messageIdOf(m: { id: number; dedupeKey: string }): string {
  return `<outbox-${m.id}-${m.dedupeKey.replace(/[^\w.-]/g, '_')}@engawa>`;
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when the relay cannot have accepted the message: it answered with a refusal (4xx/5xx), or
 * no session was ever opened. Any other failure (a timeout or a dropped connection, possibly after
 * the message was sent) leaves the message "unconfirmed".
 */
export function definitelyNotSent(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; originalCode?: string; timeoutType?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return true;
  if (e.code === 'EDNS' || NEVER_CONNECTED.has(e.originalCode ?? e.code ?? '')) return true;
  return e.timeoutType === 'CONNECT_TIMEOUT' || e.timeoutType === 'GREETING_TIMEOUT';
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Sends what is due. Safe to call often; the scheduler never runs two at once. Each message is
 * marked `sending` in its own committed write before it is handed to SMTP, so a process that dies
 * during the hand-over leaves a row that says "may have been sent". Such a row (older than twice
 * the SMTP timeout, so no live send owns it) and a message whose answer was lost are resent with
 * the same Message-ID; a message the relay refused is simply retried.
 */
export async function deliverOutbox(
  deps: Deps,
  transport: Transporter | null,
  batch = 50,
): Promise<DeliveryResult> {
  if (!transport) return { sent: 0, failed: 0 };
  const { db, clock, config } = deps;
  const start = clock.now();
  await db
    .update(mailOutbox)
    .set({
      state: 'unconfirmed',
      nextAttemptAt: start,
      lastError: 'answer lost: the process stopped while handing the message to SMTP',
    })
    .where(
      and(
        eq(mailOutbox.state, 'sending'),
        lt(mailOutbox.claimedAt, new Date(start.getTime() - 2 * config.SMTP_TIMEOUT_SECONDS * 1000)),
      ),
    )
    .run();
  const due = await db
    .select()
    .from(mailOutbox)
    .where(
      and(
        inArray(mailOutbox.state, ['queued', 'unconfirmed']),
        lte(mailOutbox.nextAttemptAt, new Date(start.getTime() + TICK_SLACK_MS)),
      ),
    )
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(batch)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    const claimedAt = clock.now();
    const attempts = m.attempts + 1;
    const claim = await db
      .update(mailOutbox)
      .set({ state: 'sending', claimedAt, attempts })
      .where(and(eq(mailOutbox.id, m.id), eq(mailOutbox.state, m.state)))
      .run();
    if (claim.changes !== 1) continue;
    try {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        messageId: messageIdOf(m),
      });
      await db
        .update(mailOutbox)
        .set({ state: 'sent', sentAt: clock.now(), lastError: null })
        .where(eq(mailOutbox.id, m.id))
        .run();
      sent++;
    } catch (err) {
      const message = String((err as Error).message ?? err);
      const refused = definitelyNotSent(err);
      await db
        .update(mailOutbox)
        .set({
          state: refused ? 'queued' : 'unconfirmed',
          // From the attempt's start, so a slow failure does not push the retry a tick later.
          nextAttemptAt: new Date(claimedAt.getTime() + backoffMs(attempts)),
          lastError: (refused ? message : `answer lost: ${message}`).slice(0, 500),
        })
        .where(eq(mailOutbox.id, m.id))
        .run();
      failed++;
    }
  }
  if (failed) deps.logger.warn({ sent, failed }, 'mail delivery failures; will retry');
  return { sent, failed };
}
