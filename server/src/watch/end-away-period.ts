import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { watchAway, watchState } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { assertMayManage } from './assert-may-manage';

/**
 * Ends an away period now (back from hospital early), or cancels it if it has not begun.
 * Silence is then counted from now, because the detector counts from the end of an absence.
 */
export async function endAwayPeriod(
  db: DbOrTx,
  awayId: number,
  staff: Pick<StaffAuth, 'id' | 'role' | 'hamletId'>,
  now: Date,
): Promise<typeof watchAway.$inferSelect> {
  const row = await db.select().from(watchAway).where(eq(watchAway.id, awayId)).get();
  if (!row) throw notFound('Away period');
  await assertMayManage(db, staff, row.residentId);
  if (row.cancelledAt !== null || row.untilAt <= now) {
    throw conflict('away_over', 'This away period is already over.');
  }
  const set = row.fromAt > now ? { cancelledAt: now } : { untilAt: now };
  await db.update(watchAway).set(set).where(eq(watchAway.id, awayId)).run();
  await db
    .update(watchState)
    .set({ nextCheckAt: null })
    .where(eq(watchState.residentId, row.residentId))
    .run();
  await recordAudit(db, now, { type: 'staff', id: staff.id }, 'watch.away.end', 'watch_away', awayId);
  return { ...row, ...set };
}
