import { and, asc, desc, eq, gt, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  watchAlerts,
  watchAlertSteps,
  watchAway,
  watchPresence,
  watchReminderOccurrences,
  watchReminders,
  watchSettings,
  watchState,
} from '../../../db/src/schema';
import { addDays, fromTokyo, tokyoDate, tokyoTime } from '../lib/tokyo';
import { PRESENCE_KEY, PRESENCE_LIFE, PRESENCE_TV, SLOT_MS } from './record-life-sign';
import { remindsOn } from './reminders';

const CONDITION_JA: Record<string, string> = {
  no_activity: '活動なし',
  rhythm_break: 'いつもと違う様子',
  check_unanswered: '画面の確認に応答なし',
  tv_on_no_keys: 'テレビがついたまま操作なし',
};

/** Who the alert has reached so far, as an operator says it. */
function tierJa(tier: string, step: number): string {
  const who: Record<string, string> = {
    support_worker: '集落支援員',
    contact: '家族',
    contact_and_support_worker: '家族と集落支援員',
    city_staff: '市職員',
  };
  return `第${step + 1}段階・${who[tier] ?? tier}へ連絡`;
}

export interface ResidentWatchSummary {
  residentId: number;
  watched: boolean;
  lastSignAt: Date | null;
  /** Away periods not over yet (current first). */
  away: { id: number; from: Date; until: Date; current: boolean }[];
  /** Today's reminders; `confirmedAt` null = not confirmed (yet). */
  reminders: { id: number; text: string; time: string; due: boolean; confirmedAt: Date | null }[];
  /** The last 7 Tokyo days, oldest first: hours with a key press or another life sign, hours of TV only. */
  days: { date: string; activeHours: number; tvHours: number }[];
  openAlert: {
    id: number;
    conditionJa: string;
    reasonJa: string;
    openedAt: Date;
    tierJa: string | null;
    acknowledged: boolean;
  } | null;
}

/**
 * The watch part of the call centre's resident page, read only: what an operator needs to say
 * 「昨日の夜からテレビがついていませんね」 or 「今は入院中で留守の登録があります」 on the phone.
 */
export async function summariseResidents(
  db: DbOrTx,
  residentIds: number[],
  now: Date,
): Promise<ResidentWatchSummary[]> {
  if (residentIds.length === 0) return [];
  const today = tokyoDate(now);
  const firstDay = addDays(today, -6);
  const fromSlot = Math.floor(fromTokyo(firstDay).getTime() / SLOT_MS);
  return Promise.all(
    residentIds.map(async (residentId) => {
      const settings = await db
        .select()
        .from(watchSettings)
        .where(eq(watchSettings.residentId, residentId))
        .get();
      const state = await db.select().from(watchState).where(eq(watchState.residentId, residentId)).get();
      const away = (
        await db
          .select()
          .from(watchAway)
          .where(
            and(
              eq(watchAway.residentId, residentId),
              isNull(watchAway.cancelledAt),
              gt(watchAway.untilAt, now),
            ),
          )
          .orderBy(asc(watchAway.fromAt))
          .all()
      ).map((a) => ({ id: a.id, from: a.fromAt, until: a.untilAt, current: a.fromAt <= now }));
      const reminderRows = (
        await db
          .select()
          .from(watchReminders)
          .where(and(eq(watchReminders.residentId, residentId), isNull(watchReminders.cancelledAt)))
          .orderBy(asc(watchReminders.time))
          .all()
      ).filter((r) => remindsOn(r, today));
      const occurrences =
        reminderRows.length === 0
          ? []
          : await db
              .select()
              .from(watchReminderOccurrences)
              .where(
                and(
                  inArray(
                    watchReminderOccurrences.reminderId,
                    reminderRows.map((r) => r.id),
                  ),
                  gte(watchReminderOccurrences.dueAt, fromTokyo(today)),
                  lt(watchReminderOccurrences.dueAt, fromTokyo(addDays(today, 1))),
                ),
              )
              .all();
      const reminders = reminderRows.map((r) => {
        const occ = occurrences.find((o) => o.reminderId === r.id);
        return {
          id: r.id,
          text: r.text,
          time: r.time,
          due: fromTokyo(today, r.time) <= now,
          confirmedAt: occ?.confirmedAt ?? null,
        };
      });
      const hours = new Map<string, number>();
      for (const s of await db
        .select()
        .from(watchPresence)
        .where(and(eq(watchPresence.residentId, residentId), gte(watchPresence.slot, fromSlot)))
        .all()) {
        const at = new Date(s.slot * SLOT_MS);
        const key = `${tokyoDate(at)}:${tokyoTime(at).slice(0, 2)}`;
        hours.set(key, (hours.get(key) ?? 0) | s.flags);
      }
      const days = Array.from({ length: 7 }, (_, i) => {
        const date = addDays(firstDay, i);
        let activeHours = 0;
        let tvHours = 0;
        for (const [key, flags] of hours) {
          if (!key.startsWith(`${date}:`)) continue;
          if (flags & (PRESENCE_KEY | PRESENCE_LIFE)) activeHours++;
          else if (flags & PRESENCE_TV) tvHours++;
        }
        return { date, activeHours, tvHours };
      });
      const alert = await db
        .select()
        .from(watchAlerts)
        .where(and(eq(watchAlerts.residentId, residentId), isNull(watchAlerts.closedAt)))
        .get();
      const step = alert
        ? await db
            .select()
            .from(watchAlertSteps)
            .where(eq(watchAlertSteps.alertId, alert.id))
            .orderBy(desc(watchAlertSteps.step))
            .get()
        : undefined;
      return {
        residentId,
        watched: settings?.enabled ?? false,
        lastSignAt: state?.lastSignAt == null ? null : new Date(state.lastSignAt),
        away,
        reminders,
        days,
        openAlert: alert
          ? {
              id: alert.id,
              conditionJa: CONDITION_JA[alert.condition] ?? alert.condition,
              reasonJa: alert.reasonJa,
              openedAt: alert.openedAt,
              tierJa: step ? tierJa(step.tier, step.step) : null,
              acknowledged: alert.acknowledgedAt !== null,
            }
          : null,
      };
    }),
  );
}
