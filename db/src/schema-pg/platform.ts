import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamp } from './columns';

/**
 * queued: not handed to SMTP, or refused by it (definitely not sent); sending: being handed over
 * (a row left here by a dead process may have been sent); unconfirmed: handed over but the answer
 * was lost (timeout, dropped connection, crash), so it may have been sent; sent: the relay said 250.
 */
export const MAIL_STATES = ['queued', 'sending', 'unconfirmed', 'sent'] as const;

/** Every email goes through here; dedupeKey makes "send once" a database constraint. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    dedupeKey: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    createdAt: createdAt(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp().notNull(),
    sentAt: timestamp(),
    lastError: text(),
    /** See MAIL_STATES: what is known about the message's last hand-over to SMTP. */
    state: text({ enum: MAIL_STATES }).notNull().default('queued'),
    /** When the current or last hand-over to SMTP began (committed before the hand-over). */
    claimedAt: timestamp(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_uq').on(t.dedupeKey),
    index('mail_outbox_state_due_idx').on(t.state, t.nextAttemptAt),
    check('mail_outbox_state_ck', sql.raw(`"state" IN (${MAIL_STATES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);

/** One row per completed job slot, so a slot runs once even across restarts and processes. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    job: text().notNull(),
    slot: text().notNull(),
    startedAt: timestamp().notNull(),
    finishedAt: timestamp(),
    result: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('job_runs_slot_uq').on(t.job, t.slot)],
);
