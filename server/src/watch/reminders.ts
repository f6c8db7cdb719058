import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/src';
import { residents, watchReminderOccurrences, watchReminders } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { addDays, fromTokyo, tokyoDate, tokyoParts, TokyoDateSchema } from '../lib/tokyo';

export const CreateReminderInput = z.object({
  residentId: z.number().int().positive(),
  text: z.string().trim().min(1).max(80),
  recurrence: z.enum(['once', 'daily', 'weekdays', 'weekly', 'monthly']),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  startDate: TokyoDateSchema,
  notifyAfterMinutes: z.number().int().min(5).max(720).nullable().default(null),
});
export type CreateReminderInput = z.input<typeof CreateReminderInput>;

export async function createReminder(
  db: DbOrTx,
  input: CreateReminderInput,
  by: { staffId?: number; contactId?: number },
  now: Date,
) {
  const v = CreateReminderInput.parse(input);
  if (!(await db.select({ id: residents.id }).from(residents).where(eq(residents.id, v.residentId)).get())) {
    throw notFound('Resident');
  }
  return await db
    .insert(watchReminders)
    .values({
      ...v,
      createdByStaffId: by.staffId ?? null,
      createdByContactId: by.contactId ?? null,
      createdAt: now,
    })
    .returning()
    .get();
}

type Reminder = typeof watchReminders.$inferSelect;

/** Does the reminder fall on this Tokyo date? */
export function remindsOn(r: Pick<Reminder, 'recurrence' | 'startDate'>, date: string): boolean {
  if (date < r.startDate) return false;
  const d = tokyoParts(fromTokyo(date));
  const s = tokyoParts(fromTokyo(r.startDate));
  switch (r.recurrence) {
    case 'once':
      return date === r.startDate;
    case 'daily':
      return true;
    case 'weekdays':
      return d.weekday >= 1 && d.weekday <= 5;
    case 'weekly':
      return d.weekday === s.weekday;
    case 'monthly':
      return d.day === s.day;
  }
}

/**
 * Writes the occurrences that are due by `now` (looking back a day, so a restart catches up).
 * (reminder, dueAt) is unique, so running this again never makes a second one.
 */
export async function materializeReminders(db: Db, now: Date): Promise<number> {
  const active = await db.select().from(watchReminders).where(isNull(watchReminders.cancelledAt)).all();
  const today = tokyoDate(now);
  let created = 0;
  for (const r of active) {
    for (const date of [addDays(today, -1), today]) {
      if (!remindsOn(r, date)) continue;
      const dueAt = fromTokyo(date, r.time);
      if (dueAt > now || dueAt < r.createdAt) continue;
      const res = await db
        .insert(watchReminderOccurrences)
        .values({ reminderId: r.id, residentId: r.residentId, dueAt })
        .onConflictDoNothing()
        .run();
      created += res.changes;
    }
  }
  return created;
}

export async function cancelReminder(db: DbOrTx, id: number, now: Date): Promise<boolean> {
  const res = await db
    .update(watchReminders)
    .set({ cancelledAt: now })
    .where(and(eq(watchReminders.id, id), isNull(watchReminders.cancelledAt)))
    .run();
  return res.changes === 1;
}
