import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { residents, watchAway, watchSettings } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { unprocessable } from '../lib/errors';
import { addDays, fromTokyo, tokyoDate } from '../lib/tokyo';

/** "留守にします": away from now until noon of the return date, for the household's watched residents. */
export function setAwayFromTv(db: Db, householdId: number, boxId: number, returnDate: string, now: Date): number {
  const today = tokyoDate(now);
  if (returnDate <= today || returnDate > addDays(today, 90)) {
    throw unprocessable('invalid_return_date', '帰る日は、明日から90日後までの日付にしてください。');
  }
  const until = fromTokyo(returnDate, '12:00');
  return db.transaction((tx) => {
    const watched = tx
      .select({ id: watchSettings.residentId })
      .from(watchSettings)
      .innerJoin(residents, eq(residents.id, watchSettings.residentId))
      .where(eq(residents.householdId, householdId))
      .all();
    for (const r of watched) {
      tx.insert(watchAway).values({ residentId: r.id, fromAt: now, untilAt: until, source: 'tv', createdAt: now }).run();
    }
    recordAudit(tx, now, { type: 'device', id: boxId }, 'watch.away', 'household', householdId, { returnDate });
    return watched.length;
  });
}
