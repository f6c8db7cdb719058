import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { households, residents, watchAlerts } from '../../../db/src/schema';
import { inHamletScope, staffScope } from '../auth/scope';
import { forbidden, notFound } from '../lib/errors';
import type { StaffAuth } from '../lib/router';
import { applyAck, type AckAction } from './acknowledge-alert';

/**
 * An alert answered on the console by a support worker (their hamlet) or city staff: the same
 * writer as the email link. Returns the hamlet, so the caller can tell that hamlet's boards.
 */
export async function acknowledgeAlertByStaff(
  db: Db,
  alertId: number,
  staff: Pick<StaffAuth, 'id' | 'role' | 'hamletId'>,
  action: AckAction,
  now: Date,
): Promise<{ hamletId: number; residentId: number }> {
  return await db.transaction(async (tx) => {
    const a = await tx
      .select({ hamletId: households.hamletId, residentId: watchAlerts.residentId })
      .from(watchAlerts)
      .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(eq(watchAlerts.id, alertId))
      .get();
    if (!a) throw notFound('Alert');
    if (!inHamletScope(staffScope(staff), a.hamletId))
      throw forbidden('A support worker answers the alerts of their own hamlet');
    await applyAck(
      tx,
      alertId,
      { tokenId: null, staffId: staff.id },
      { type: 'staff', id: staff.id },
      action,
      now,
    );
    return a;
  });
}
