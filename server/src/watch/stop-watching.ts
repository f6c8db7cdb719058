import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { watchAlerts, watchSettings } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { notFound } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { assertMayManage } from './assert-may-manage';

/**
 * Stops watching a resident (consent withdrawn). The consent record is kept, only disabled, so
 * the console still shows who recorded it and when; an open alert is closed so no one is
 * escalated to about a resident who is no longer watched.
 */
export async function stopWatching(
  db: DbOrTx,
  residentId: number,
  staff: Pick<StaffAuth, 'id' | 'role' | 'hamletId'>,
  now: Date,
): Promise<void> {
  await assertMayManage(db, staff, residentId);
  const res = await db
    .update(watchSettings)
    .set({ enabled: false, updatedAt: now })
    .where(and(eq(watchSettings.residentId, residentId), eq(watchSettings.enabled, true)))
    .run();
  if (res.changes === 0) throw notFound('Watching of this resident');
  await db
    .update(watchAlerts)
    .set({ closedAt: now, closeReason: 'settled' })
    .where(and(eq(watchAlerts.residentId, residentId), isNull(watchAlerts.closedAt)))
    .run();
  await recordAudit(db, now, { type: 'staff', id: staff.id }, 'watch.stop', 'resident', residentId);
}
