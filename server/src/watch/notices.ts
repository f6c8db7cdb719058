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
import { formatJaDateTime } from '../lib/tokyo';
import { recordLifeSign } from './record-life-sign';

export interface Notice {
  id: number;
  residentName: string;
  text: string;
  dueAt: string;
  confirmedAt: string | null;
}

export interface NoticesView {
  /** Show the full-screen "お元気ですか？" check. */
  check: boolean;
  /** Due and not yet confirmed: shown full screen, oldest first. */
  pending: Notice[];
  /** The お知らせ list: the last week's reminders, newest first. */
  recent: Notice[];
}

/** What the household's TV should show now. */
export function listNotices(db: Db, householdId: number, now: Date): NoticesView {
  const people = db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .all();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { check: false, pending: [], recent: [] };
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rows = db
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
  const notices = rows.map(({ o, text }) => ({
    id: o.id,
    residentName: names.get(o.residentId) ?? '',
    text,
    dueAt: o.dueAt.toISOString(),
    confirmedAt: o.confirmedAt?.toISOString() ?? null,
  }));
  const check = db
    .select({ asked: watchState.checkAskedAt })
    .from(watchState)
    .innerJoin(watchSettings, eq(watchSettings.residentId, watchState.residentId))
    .where(and(inArray(watchState.residentId, ids), eq(watchSettings.enabled, true)))
    .all()
    .some((s) => s.asked !== null);
  return { check, pending: notices.filter((n) => !n.confirmedAt).reverse(), recent: notices };
}

/** OK on the full-screen reminder. Confirming twice is harmless. */
export function confirmNotice(db: Db, householdId: number, occurrenceId: number, now: Date): void {
  db.transaction((tx) => {
    const row = tx
      .select({ o: watchReminderOccurrences, householdId: residents.householdId })
      .from(watchReminderOccurrences)
      .innerJoin(residents, eq(residents.id, watchReminderOccurrences.residentId))
      .where(eq(watchReminderOccurrences.id, occurrenceId))
      .get();
    if (!row || row.householdId !== householdId) throw notFound('Notice');
    if (row.o.confirmedAt) return;
    tx.update(watchReminderOccurrences)
      .set({ confirmedAt: now })
      .where(eq(watchReminderOccurrences.id, occurrenceId))
      .run();
    recordLifeSign(tx, row.o.residentId, 'reminder_confirmed', now);
  });
}

/** Reminders not confirmed in time: one optional email to the first contact. */
export function mailMissedReminders(db: Db, now: Date): number {
  const rows = db
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
    const contact = db
      .select()
      .from(familyContacts)
      .where(eq(familyContacts.residentId, o.residentId))
      .orderBy(familyContacts.priority)
      .get();
    db.transaction((tx) => {
      tx.update(watchReminderOccurrences)
        .set({ missedMailAt: now })
        .where(eq(watchReminderOccurrences.id, o.id))
        .run();
      if (!contact) return;
      enqueueMail(
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
