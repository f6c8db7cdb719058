import { and, asc, desc, eq, gt, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  hamlets,
  households,
  residents,
  staffUsers,
  watchAway,
  watchContacts,
  watchReminderOccurrences,
  watchReminders,
  watchSettings,
  watchState,
} from '../../../db/src/schema';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { addDays, fromTokyo, tokyoDate } from '../lib/tokyo';

export interface WatchContactRow {
  id: number;
  residentId: number;
  residentName: string;
  kind: 'call' | 'visit';
  outcome: 'fine' | 'concern' | 'no_answer';
  note: string | null;
  at: Date;
  staffName: string;
}

export interface ResidentWatchRow {
  residentId: number;
  name: string;
  householdName: string;
  phone: string | null;
  hamletName: string;
  watching: boolean;
  lastSignAt: Date | null;
  away: { fromAt: Date; untilAt: Date }[];
  /** Reminders due today up to now and not confirmed on the TV. */
  unconfirmed: { text: string; dueAt: Date }[];
  lastContact: WatchContactRow | null;
}

/** Calls and visits, newest first, with the staff member's name. */
export async function listWatchContacts(
  db: DbOrTx,
  residentIds: number[],
  limit = 50,
): Promise<WatchContactRow[]> {
  if (residentIds.length === 0) return [];
  return await db
    .select({
      id: watchContacts.id,
      residentId: watchContacts.residentId,
      residentName: residents.name,
      kind: watchContacts.kind,
      outcome: watchContacts.outcome,
      note: watchContacts.note,
      at: watchContacts.at,
      staffName: staffUsers.name,
    })
    .from(watchContacts)
    .innerJoin(staffUsers, eq(staffUsers.id, watchContacts.staffId))
    .innerJoin(residents, eq(residents.id, watchContacts.residentId))
    .where(inArray(watchContacts.residentId, residentIds))
    .orderBy(desc(watchContacts.at), desc(watchContacts.id))
    .limit(limit)
    .all();
}

/**
 * Each watched resident of the hamlets in `scope` as the support worker's day needs them: last sign
 * of life, away periods touching today, today's unconfirmed reminders, the last call or visit.
 */
export async function listHamletWatch(db: DbOrTx, scope: StaffScope, now: Date): Promise<ResidentWatchRow[]> {
  const rows = await db
    .select({
      residentId: residents.id,
      name: residents.name,
      householdName: households.name,
      phone: households.phone,
      hamletName: hamlets.name,
      enabled: watchSettings.enabled,
      lastSignAt: watchState.lastSignAt,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .innerJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .leftJoin(watchState, eq(watchState.residentId, residents.id))
    .where(and(eq(watchSettings.enabled, true), hamletCondition(scope, households.hamletId)))
    .orderBy(asc(hamlets.id), asc(residents.id))
    .all();
  const ids = rows.map((r) => r.residentId);
  if (ids.length === 0) return [];
  const today = tokyoDate(now);
  const dayStart = fromTokyo(today);
  const dayEnd = fromTokyo(addDays(today, 1));
  const away = await db
    .select()
    .from(watchAway)
    .where(
      and(
        inArray(watchAway.residentId, ids),
        isNull(watchAway.cancelledAt),
        gt(watchAway.untilAt, now),
        lte(watchAway.fromAt, dayEnd),
      ),
    )
    .all();
  const unconfirmed = await db
    .select({
      residentId: watchReminderOccurrences.residentId,
      dueAt: watchReminderOccurrences.dueAt,
      text: watchReminders.text,
    })
    .from(watchReminderOccurrences)
    .innerJoin(watchReminders, eq(watchReminders.id, watchReminderOccurrences.reminderId))
    .where(
      and(
        inArray(watchReminderOccurrences.residentId, ids),
        gte(watchReminderOccurrences.dueAt, dayStart),
        lte(watchReminderOccurrences.dueAt, now),
        isNull(watchReminderOccurrences.confirmedAt),
      ),
    )
    .orderBy(asc(watchReminderOccurrences.dueAt))
    .all();
  const lastContact = new Map<number, WatchContactRow>();
  for (const c of await listWatchContacts(db, ids, 10_000))
    if (!lastContact.has(c.residentId)) lastContact.set(c.residentId, c);
  return rows.map((r) => ({
    residentId: r.residentId,
    name: r.name,
    householdName: r.householdName,
    phone: r.phone,
    hamletName: r.hamletName,
    watching: r.enabled,
    lastSignAt: r.lastSignAt === null ? null : new Date(r.lastSignAt),
    away: away
      .filter((a) => a.residentId === r.residentId)
      .map((a) => ({ fromAt: a.fromAt, untilAt: a.untilAt })),
    unconfirmed: unconfirmed
      .filter((u) => u.residentId === r.residentId)
      .map((u) => ({ text: u.text, dueAt: u.dueAt })),
    lastContact: lastContact.get(r.residentId) ?? null,
  }));
}
