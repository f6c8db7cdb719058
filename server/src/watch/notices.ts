import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import {
  familyContacts,
  residents,
  watchReminderOccurrences,
  watchReminders,
  watchSettings,
  watchState,
} from '../../../db/src/schema';
import { enqueueMail } from '../mail/outbox';
import { notFound } from '../lib/errors';
import { formatJaDateTime, formatJaRelativeTime, tokyoParts } from '../lib/tokyo';
import { recordLifeSign } from './record-life-sign';

export interface Notice {
  id: number;
  residentName: string;
  text: string;
  dueAt: string;
  /** When it was due, as the resident would say it now: 「昨日 18:30 のお知らせ」. */
  dueLabel: string;
  /** Shown more than `LATE_AFTER_MS` after its time: the TV says when it was due. */
  late: boolean;
  /** Not confirmed within the missed window: only in the list, never full screen. */
  missed: boolean;
  confirmedAt: string | null;
}

/** The TV polls every 30 s; anything shown later than this was not shown at its time. */
export const LATE_AFTER_MS = 10 * 60_000;

export interface NoticesView {
  /** Show the full-screen "お元気ですか？" check. */
  check: boolean;
  /**
   * The gentle greeting the detector shows before it asks (issue #15): its title in words for the
   * hour in Tokyo, or null. It asks nothing; a key in reply (決定) is a sign of life and answers it.
   */
  greeting: string | null;
  /** Due, not yet confirmed and not missed: shown full screen, oldest first. */
  pending: Notice[];
  /** The お知らせ list: the last week's reminders, newest first. */
  recent: Notice[];
}

/**
 * What the household's TV should show now. A reminder still unconfirmed `missedAfterMinutes` after
 * its time is not offered full screen any more: 「夕方のお薬を飲みましょう」 shown the next noon as if
 * due now invites a wrong-time or double dose, whatever the reminder is about. It stays in the list
 * with its time, and the family's missed-reminder mail (if the reminder has one) goes as before.
 */
export async function listNotices(
  db: Db,
  householdId: number,
  now: Date,
  missedAfterMinutes: number,
): Promise<NoticesView> {
  const people = await db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .all();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { check: false, greeting: null, pending: [], recent: [] };
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rows = await db
    .select({ o: watchReminderOccurrences, text: watchReminders.text })
    .from(watchReminderOccurrences)
    .innerJoin(watchReminders, eq(watchReminders.id, watchReminderOccurrences.reminderId))
    .where(
      and(
        inArray(watchReminderOccurrences.residentId, ids),
        lte(watchReminderOccurrences.dueAt, now),
        gte(watchReminderOccurrences.dueAt, new Date(now.getTime() - 7 * 86_400_000)),
      ),
    )
    .orderBy(desc(watchReminderOccurrences.dueAt))
    .all();
  const notices = rows.map(({ o, text }): Notice => {
    const overdueMs = now.getTime() - o.dueAt.getTime();
    return {
      id: o.id,
      residentName: names.get(o.residentId) ?? '',
      text,
      dueAt: o.dueAt.toISOString(),
      dueLabel: `${formatJaRelativeTime(o.dueAt, now)} のお知らせ`,
      late: overdueMs > LATE_AFTER_MS,
      missed: !o.confirmedAt && overdueMs > missedAfterMinutes * 60_000,
      confirmedAt: o.confirmedAt?.toISOString() ?? null,
    };
  });
  const states = await db
    .select({ asked: watchState.checkAskedAt, greeted: watchState.greetedAt })
    .from(watchState)
    .innerJoin(watchSettings, eq(watchSettings.residentId, watchState.residentId))
    .where(and(inArray(watchState.residentId, ids), eq(watchSettings.enabled, true)))
    .all();
  const check = states.some((s) => s.asked !== null);
  // The question, once asked, replaces the greeting: one screen at a time.
  const greeting = !check && states.some((s) => s.greeted !== null) ? greetingFor(now) : null;
  return {
    check,
    greeting,
    pending: notices.filter((n) => !n.confirmedAt && !n.missed).reverse(),
    recent: notices,
  };
}

/** Words for the hour in Tokyo, as a neighbour would say them. */
export function greetingFor(now: Date): string {
  const { hour } = tokyoParts(now);
  if (hour >= 4 && hour < 10) return 'おはようございます';
  if (hour >= 10 && hour < 17) return 'こんにちは';
  return 'こんばんは';
}

/** OK on the full-screen reminder. Confirming twice is harmless. */
export async function confirmNotice(
  db: Db,
  householdId: number,
  occurrenceId: number,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await tx
      .select({ o: watchReminderOccurrences, householdId: residents.householdId })
      .from(watchReminderOccurrences)
      .innerJoin(residents, eq(residents.id, watchReminderOccurrences.residentId))
      .where(eq(watchReminderOccurrences.id, occurrenceId))
      .get();
    if (!row || row.householdId !== householdId) throw notFound('Notice');
    if (row.o.confirmedAt) return;
    await tx
      .update(watchReminderOccurrences)
      .set({ confirmedAt: now })
      .where(eq(watchReminderOccurrences.id, occurrenceId))
      .run();
    await recordLifeSign(tx, row.o.residentId, 'reminder_confirmed', now);
  });
}

/** Reminders not confirmed in time: one optional email to the first contact. */
export async function mailMissedReminders(db: Db, now: Date): Promise<number> {
  const rows = await db
    .select({ o: watchReminderOccurrences, r: watchReminders, name: residents.name })
    .from(watchReminderOccurrences)
    .innerJoin(watchReminders, eq(watchReminders.id, watchReminderOccurrences.reminderId))
    .innerJoin(residents, eq(residents.id, watchReminderOccurrences.residentId))
    .where(and(isNull(watchReminderOccurrences.confirmedAt), isNull(watchReminderOccurrences.missedMailAt)))
    .all();
  let sent = 0;
  for (const { o, r, name } of rows) {
    if (r.notifyAfterMinutes === null) continue;
    if (now.getTime() - o.dueAt.getTime() < r.notifyAfterMinutes * 60_000) continue;
    const contact = await db
      .select()
      .from(familyContacts)
      .where(eq(familyContacts.residentId, o.residentId))
      .orderBy(familyContacts.priority)
      .get();
    await db.transaction(async (tx) => {
      await tx
        .update(watchReminderOccurrences)
        .set({ missedMailAt: now })
        .where(eq(watchReminderOccurrences.id, o.id))
        .run();
      if (!contact) return;
      await enqueueMail(
        tx,
        {
          dedupeKey: `watch:reminder:${o.id}:missed`,
          to: contact.email,
          subject: `【見守り】${name}さんへのお知らせが確認されていません`,
          text: [
            `${contact.name} 様`,
            '',
            `${formatJaDateTime(o.dueAt)} にテレビに出したお知らせ「${r.text}」が、まだ確認されていません。`,
            '念のため、ご様子を確かめてください。',
          ].join('\n'),
        },
        now,
      );
      sent++;
    });
  }
  return sent;
}
