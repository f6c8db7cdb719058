import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { watchReminders } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { assertMayManage } from './assert-may-manage';
import { cancelReminder } from './reminders';

/** Staff stop a reminder: no further occurrences; those already shown stay in the お知らせ list. */
export async function stopReminder(
  db: DbOrTx,
  reminderId: number,
  staff: Pick<StaffAuth, 'id' | 'role' | 'hamletId'>,
  now: Date,
): Promise<void> {
  const r = await db.select().from(watchReminders).where(eq(watchReminders.id, reminderId)).get();
  if (!r) throw notFound('Reminder');
  await assertMayManage(db, staff, r.residentId);
  if (!(await cancelReminder(db, reminderId, now)))
    throw conflict('reminder_stopped', 'This reminder is already stopped.');
  await recordAudit(
    db,
    now,
    { type: 'staff', id: staff.id },
    'watch.reminder.stop',
    'watch_reminder',
    reminderId,
  );
}
