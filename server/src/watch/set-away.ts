import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { residents, watchAway, watchSettings, watchState } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import { addDays, fromTokyo, tokyoDate } from '../lib/tokyo';

/** "留守にします": away from now until noon of the return date, for the household's watched residents. */
export async function setAwayFromTv(
  db: Db,
  householdId: number,
  boxId: number,
  returnDate: string,
  now: Date,
): Promise<number> {
  const today = tokyoDate(now);
  if (returnDate <= today || returnDate > addDays(today, 90)) {
    throw unprocessable('invalid_return_date', '帰る日は、明日から90日後までの日付にしてください。');
  }
  const until = fromTokyo(returnDate, '12:00');
  return await db.transaction(async (tx) => {
    const watched = await tx
      .select({ id: watchSettings.residentId })
      .from(watchSettings)
      .innerJoin(residents, eq(residents.id, watchSettings.residentId))
      .where(eq(residents.householdId, householdId))
      .all();
    for (const r of watched) {
      await tx
        .insert(watchAway)
        .values({ residentId: r.id, fromAt: now, untilAt: until, source: 'tv', createdAt: now })
        .run();
      await tx.update(watchState).set({ nextCheckAt: null }).where(eq(watchState.residentId, r.id)).run();
    }
    await recordAudit(tx, now, { type: 'device', id: boxId }, 'watch.away', 'household', householdId, {
      returnDate,
    });
    return watched.length;
  });
}

/** Staff (or family through staff) enter a hospital stay or a trip for one resident. */
export async function setAwayByStaff(
  db: Db,
  input: { residentId: number; from: Date; until: Date },
  staffId: number,
  now: Date,
): Promise<number> {
  if (input.until <= input.from || input.until <= now) {
    throw unprocessable('invalid_period', 'The end must be after the start and in the future.');
  }
  return await db.transaction(async (tx) => {
    if (
      !(await tx.select({ id: residents.id }).from(residents).where(eq(residents.id, input.residentId)).get())
    ) {
      throw notFound('Resident');
    }
    const row = await tx
      .insert(watchAway)
      .values({
        residentId: input.residentId,
        fromAt: input.from,
        untilAt: input.until,
        source: 'staff',
        staffId,
        createdAt: now,
      })
      .returning()
      .get();
    // The detector re-reads the resident's absences at its next pass.
    await tx
      .update(watchState)
      .set({ nextCheckAt: null })
      .where(eq(watchState.residentId, input.residentId))
      .run();
    await recordAudit(tx, now, { type: 'staff', id: staffId }, 'watch.away', 'resident', input.residentId);
    return row.id;
  });
}
