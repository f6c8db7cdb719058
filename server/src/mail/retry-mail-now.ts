import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { mailOutbox } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';

/**
 * Brings a waiting message's next try forward to now. It never makes a copy: the same row is sent
 * by the delivery job with its one Message-ID, and only a message the outbox would retry anyway
 * (queued, or unconfirmed) may be hurried; a sent or in-flight message is refused.
 */
export async function retryMailNow(db: Db, actor: Actor, mailId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await tx.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, mailId)).get()))
      throw notFound('Mail');
    const r = await tx
      .update(mailOutbox)
      .set({ nextAttemptAt: now })
      .where(and(eq(mailOutbox.id, mailId), inArray(mailOutbox.state, ['queued', 'unconfirmed'])))
      .run();
    if (r.changes !== 1)
      throw conflict('mail_not_waiting', 'このメールは送信済みか送信中のため、再送できません');
    await recordAudit(tx, now, actor, 'mail.retry_now', 'mail_outbox', mailId);
  });
}
