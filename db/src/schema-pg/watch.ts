import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, timestamp } from './columns';
import { familyContacts, residents, staffUsers } from './core';

/** Opt-in per resident: consent (when, recorded by whom) and the detector's settings. */
export const watchSettings = pgTable('watch_settings', {
  residentId: integer()
    .primaryKey()
    .references(() => residents.id),
  enabled: boolean().notNull().default(true),
  consentAt: timestamp().notNull(),
  consentStaffId: integer()
    .notNull()
    .references(() => staffUsers.id),
  thresholdMinutes: integer().notNull().default(1440),
  noKeyMinutes: integer().notNull().default(360),
  quietStartMinute: integer().notNull().default(1260),
  quietEndMinute: integer().notNull().default(360),
  supportWorkerFirst: boolean().notNull().default(true),
  escalateAfterMinutes: integer().notNull().default(60),
  /** Daily "お元気メール" to the contacts. */
  dailyMail: boolean().notNull().default(false),
  updatedAt: timestamp().notNull(),
});

/**
 * Presence per 15-minute slot (slot = epoch ms / 900,000): bit 1 TV on, 2 key pressed, 4 another
 * life sign. Nothing about channels or programmes is ever stored.
 */
export const watchPresence = pgTable(
  'watch_presence',
  {
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    slot: integer().notNull(),
    flags: integer().notNull(),
  },
  // By slot: the daily rhythm fold and the retention prune read and delete whole days.
  (t) => [primaryKey({ columns: [t.residentId, t.slot] }), index('watch_presence_slot_idx').on(t.slot)],
);

/**
 * The detector's compact state per resident (see server/src/watch/detector/types.ts). Its epoch-ms
 * columns are bigint here: they do not fit PostgreSQL's 4-byte integer.
 */
export const watchState = pgTable('watch_state', {
  residentId: integer()
    .primaryKey()
    .references(() => residents.id),
  lastSignAt: bigint({ mode: 'number' }),
  lastHeartbeatAt: bigint({ mode: 'number' }),
  checkAskedAt: bigint({ mode: 'number' }),
  checkAttempt: integer(),
  settledAt: bigint({ mode: 'number' }),
  /** The gentle greeting (a notice that asks nothing) shown before 「お元気ですか？」, if any. */
  greetedAt: bigint({ mode: 'number' }),
  /**
   * Epoch ms before which the detector cannot decide anything new for this resident unless new
   * input arrives; every write of activity, away or settings sets it back to NULL (check now).
   */
  nextCheckAt: bigint({ mode: 'number' }),
});

/**
 * The learned daily rhythm (server/src/watch/rhythm-codec.ts): one 24-bit hour mask per Tokyo day
 * from `day0`, 3 bytes a day, learning since `since`; folded once a day from the presence of whole
 * days up to `learnedThroughSlot`. Kept out of watch_state so that the row every heartbeat rewrites
 * stays small, and binary because the detection pass reads 100,000 of them.
 */
export const watchRhythm = pgTable('watch_rhythm', {
  residentId: integer()
    .primaryKey()
    .references(() => residents.id),
  day0: integer().notNull(),
  since: integer().notNull(),
  masks: bytea().notNull(),
  learnedThroughSlot: integer().notNull(),
});

/**
 * What the detector learned of one resident's own normal (detector/learned-normal.ts, codec in
 * server/src/watch/normal-codec.ts): per hour and day type the longest stretch the TV ran without
 * a key that still ended in a press (`runs`: 48 × uint16 minutes), and how many greetings and
 * checks were shown and answered (decaying counts, halved every few weeks). Presence and answers
 * only, never channels. `day` is the Tokyo day of the last decay.
 */
export const watchNormal = pgTable('watch_normal', {
  residentId: integer()
    .primaryKey()
    .references(() => residents.id),
  day: integer().notNull(),
  runs: bytea().notNull(),
  asked: doublePrecision().notNull().default(0),
  answered: doublePrecision().notNull().default(0),
});

export const watchAway = pgTable(
  'watch_away',
  {
    id: id(),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    fromAt: timestamp().notNull(),
    untilAt: timestamp().notNull(),
    source: text({ enum: ['tv', 'staff', 'family'] }).notNull(),
    staffId: integer().references(() => staffUsers.id),
    cancelledAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('watch_away_resident_idx').on(t.residentId, t.untilAt)],
);

export const WATCH_CONDITIONS = ['no_activity', 'rhythm_break', 'check_unanswered', 'tv_on_no_keys'] as const;

export const watchAlerts = pgTable(
  'watch_alerts',
  {
    id: id(),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    condition: text({ enum: WATCH_CONDITIONS }).notNull(),
    reasonCode: text().notNull(),
    reasonJa: text().notNull(),
    openedAt: timestamp().notNull(),
    step: integer().notNull().default(0),
    stepAt: timestamp().notNull(),
    acknowledgedAt: timestamp(),
    closedAt: timestamp(),
    closeReason: text({ enum: ['recovered', 'settled'] }),
  },
  (t) => [
    // At most one open alert per resident, as a database rule.
    uniqueIndex('watch_alerts_one_open_uq')
      .on(t.residentId)
      .where(sql`closed_at IS NULL`),
    // The dashboard reads today's alerts live (the days before come from its summary).
    index('watch_alerts_opened_idx').on(t.openedAt),
  ],
);

/** Each step is recorded once: (alert, step) is unique, so a restart cannot send it twice. */
export const watchAlertSteps = pgTable(
  'watch_alert_steps',
  {
    id: id(),
    alertId: integer()
      .notNull()
      .references(() => watchAlerts.id),
    step: integer().notNull(),
    tier: text().notNull(),
    /** Who was told, e.g. ['contact:3', 'staff:5']. */
    recipients: jsonb().$type<string[]>().notNull(),
    at: timestamp().notNull(),
  },
  (t) => [uniqueIndex('watch_alert_steps_uq').on(t.alertId, t.step)],
);

/** Links in alert emails: only the hash is stored; each action can be used once per link. */
export const watchAckTokens = pgTable('watch_ack_tokens', {
  id: id(),
  alertId: integer()
    .notNull()
    .references(() => watchAlerts.id),
  tokenHash: text().notNull().unique(),
  contactId: integer().references(() => familyContacts.id),
  staffId: integer().references(() => staffUsers.id),
  expiresAt: timestamp().notNull(),
  createdAt: createdAt(),
});

export const WATCH_ACK_ACTIONS = ['reached', 'visiting', 'fine'] as const;

export const watchAcks = pgTable(
  'watch_acks',
  {
    id: id(),
    alertId: integer()
      .notNull()
      .references(() => watchAlerts.id),
    tokenId: integer().references(() => watchAckTokens.id),
    staffId: integer().references(() => staffUsers.id),
    action: text({ enum: WATCH_ACK_ACTIONS }).notNull(),
    at: timestamp().notNull(),
  },
  (t) => [
    uniqueIndex('watch_acks_token_action_uq').on(t.tokenId, t.action),
    // drizzle's text enum is a type only; the database must refuse anything else too.
    check(
      'watch_acks_action_ck',
      // Unqualified column: drizzle-kit would qualify it with the temporary table of its rebuild.
      sql.raw(`"action" IN (${WATCH_ACK_ACTIONS.map((a) => `'${a}'`).join(', ')})`),
    ),
  ],
);

export const watchReminders = pgTable('watch_reminders', {
  id: id(),
  residentId: integer()
    .notNull()
    .references(() => residents.id),
  text: text().notNull(),
  recurrence: text({ enum: ['once', 'daily', 'weekdays', 'weekly', 'monthly'] }).notNull(),
  /** Tokyo 'HH:MM'; `startDate` is the first (or only) Tokyo date. */
  time: text().notNull(),
  startDate: text().notNull(),
  /** Mail the family if not confirmed within this many minutes (null = no mail). */
  notifyAfterMinutes: integer(),
  createdByStaffId: integer().references(() => staffUsers.id),
  createdByContactId: integer().references(() => familyContacts.id),
  cancelledAt: timestamp(),
  createdAt: createdAt(),
});

/** One row per due time: (reminder, dueAt) is unique, so a reminder never fires twice. */
export const watchReminderOccurrences = pgTable(
  'watch_reminder_occurrences',
  {
    id: id(),
    reminderId: integer()
      .notNull()
      .references(() => watchReminders.id),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    dueAt: timestamp().notNull(),
    confirmedAt: timestamp(),
    missedMailAt: timestamp(),
  },
  (t) => [
    uniqueIndex('watch_reminder_occurrences_uq').on(t.reminderId, t.dueAt),
    index('watch_reminder_occurrences_resident_idx').on(t.residentId, t.dueAt),
    index('watch_reminder_occurrences_due_idx').on(t.dueAt),
  ],
);

export const WATCH_BLIND_REASONS = ['server_down', 'mass_silence'] as const;

/**
 * Time when engawa itself could not hear from the boxes: the server was not running
 * (`server_down`, a gap in the platform pulse) or most boxes fell silent at once
 * (`mass_silence`, e.g. the network). It is not evidence against any resident: the detector
 * subtracts it from their silence, and one operator alert is raised instead of family alerts.
 * `untilAt` is null while the silence lasts.
 */
export const watchBlindPeriods = pgTable(
  'watch_blind_periods',
  {
    id: id(),
    reason: text({ enum: WATCH_BLIND_REASONS }).notNull(),
    fromAt: timestamp().notNull(),
    untilAt: timestamp(),
    /** mass_silence: boxes heard in the window, and how many are usually heard then. */
    heard: integer(),
    expected: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index('watch_blind_periods_until_idx').on(t.untilAt),
    check(
      'watch_blind_periods_reason_ck',
      sql.raw(`"reason" IN (${WATCH_BLIND_REASONS.map((r) => `'${r}'`).join(', ')})`),
    ),
  ],
);

export const WATCH_CONTACT_KINDS = ['call', 'visit'] as const;
export const WATCH_CONTACT_OUTCOMES = ['fine', 'concern', 'no_answer'] as const;

/**
 * A support worker's (or city staff's) call or visit to a resident: 電話した / 訪問した, what they
 * found, and a short note. Kept beside the alerts so the next person to look sees who last spoke
 * to the resident, and when.
 */
export const watchContacts = pgTable(
  'watch_contacts',
  {
    id: id(),
    residentId: integer()
      .notNull()
      .references(() => residents.id),
    staffId: integer()
      .notNull()
      .references(() => staffUsers.id),
    kind: text({ enum: WATCH_CONTACT_KINDS }).notNull(),
    outcome: text({ enum: WATCH_CONTACT_OUTCOMES }).notNull(),
    note: text(),
    at: timestamp().notNull(),
  },
  (t) => [
    index('watch_contacts_resident_idx').on(t.residentId, t.at),
    check('watch_contacts_kind_ck', sql.raw(`"kind" IN ('call', 'visit')`)),
    check('watch_contacts_outcome_ck', sql.raw(`"outcome" IN ('fine', 'concern', 'no_answer')`)),
  ],
);
