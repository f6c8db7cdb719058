import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { familyContacts, residents, watchSettings, watchState } from '../../../db/src/schema';
import { enqueueMail } from '../mail/outbox';
import { formatJaDate, formatJaDateTime, fromTokyo, tokyoDate } from '../lib/tokyo';

/**
 * Optional daily "お元気メール": one per contact per day, sent only when the resident showed a
 * sign of life that day. The dedupe key holds the date, so a rerun sends nothing twice.
 */
export async function sendDailyMail(db: Db, now: Date): Promise<number> {
  const date = tokyoDate(now);
  const dayStart = fromTokyo(date).getTime();
  const rows = await db
    .select({ residentId: watchSettings.residentId, name: residents.name, last: watchState.lastSignAt })
    .from(watchSettings)
    .innerJoin(residents, eq(residents.id, watchSettings.residentId))
    .innerJoin(watchState, eq(watchState.residentId, watchSettings.residentId))
    .where(and(eq(watchSettings.enabled, true), eq(watchSettings.dailyMail, true)))
    .all();
  let queued = 0;
  for (const r of rows) {
    if (r.last === null || r.last < dayStart) continue;
    const contacts = await db
      .select()
      .from(familyContacts)
      .where(and(eq(familyContacts.residentId, r.residentId), isNotNull(familyContacts.optInAt)))
      .all();
    for (const c of contacts) {
      const ok = await enqueueMail(
        db,
        {
          dedupeKey: `watch:daily:${r.residentId}:${date}:contact:${c.id}`,
          to: c.email,
          subject: `【お元気メール】${r.name}さん ${formatJaDate(date)}`,
          text: `${c.name} 様\n\n${r.name}さんは今日もお元気に過ごしています（最後の活動 ${formatJaDateTime(new Date(r.last))}）。`,
        },
        now,
      );
      if (ok) queued++;
    }
  }
  return queued;
}
