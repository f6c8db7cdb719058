import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns';

/** Every email goes through here; dedupeKey makes "send once" a database constraint. */
export const mailOutbox = sqliteTable(
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
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_uq').on(t.dedupeKey),
    index('mail_outbox_due_idx').on(t.sentAt, t.nextAttemptAt),
  ],
);

/** One row per completed job slot, so a slot runs once even across restarts and processes. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: id(),
    job: text().notNull(),
    slot: text().notNull(),
    startedAt: timestamp().notNull(),
    finishedAt: timestamp(),
    result: text({ mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex('job_runs_slot_uq').on(t.job, t.slot)],
);
