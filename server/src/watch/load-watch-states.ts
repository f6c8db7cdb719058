import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { watchAlerts, watchAway, watchPresence, watchSettings, watchState } from '../../../db/src/schema';
import { DEFAULT_SETTINGS, DEFAULT_TUNING, type WatchSettings, type WatchState } from './detector/types';
import { emptyRhythm, markSignOfLife } from './detector/rhythm';
import { SLOT_MS } from './record-life-sign';

export interface LoadedResident {
  residentId: number;
  settings: WatchSettings;
  state: WatchState;
  alertId: number | null;
  /** The presence slot folded into the rhythm so far. */
  rhythmSlot: number | null;
  /** Whether the rhythm or its slot moved, i.e. whether the row needs writing. */
  rhythmChanged: boolean;
}

/**
 * Everything the detection pass needs, in a handful of bulk queries (not one query per
 * resident): settings, compact state, away periods, open alerts, and new presence slots folded
 * into the learned rhythm.
 */
export function loadWatchStates(
  db: Db,
  now: Date,
  people: (residentId: number) => { contactCount: number; hasSupportWorker: boolean },
  residentIds?: number[],
): LoadedResident[] {
  const ms = now.getTime();
  const filter = residentIds ? inArray(watchSettings.residentId, residentIds) : undefined;
  const rows = db
    .select()
    .from(watchSettings)
    .innerJoin(watchState, eq(watchState.residentId, watchSettings.residentId))
    .where(and(eq(watchSettings.enabled, true), filter))
    .all();
  if (rows.length === 0) return [];
  const horizon = new Date(ms - DEFAULT_TUNING.rhythmDays * 86_400_000);
  const away = db
    .select()
    .from(watchAway)
    .where(and(isNull(watchAway.cancelledAt), gt(watchAway.untilAt, horizon)))
    .all();
  const alerts = db.select().from(watchAlerts).where(isNull(watchAlerts.closedAt)).all();
  const minSlot = Math.min(
    ...rows.map(
      (r) => r.watch_state.rhythmSlot ?? Math.floor(r.watch_settings.consentAt.getTime() / SLOT_MS) - 1,
    ),
  );
  const presence = db
    .select()
    .from(watchPresence)
    .where(and(gt(watchPresence.slot, minSlot), sql`${watchPresence.slot} <= ${Math.floor(ms / SLOT_MS)}`))
    .all();
  const byResident = <T extends { residentId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.residentId, [...(m.get(x.residentId) ?? []), x]);
    return m;
  };
  const awayBy = byResident(away);
  const alertBy = new Map(alerts.map((a) => [a.residentId, a]));
  const presenceBy = byResident(presence);

  return rows.map(({ watch_settings: s, watch_state: st }) => {
    const p = people(s.residentId);
    const settings: WatchSettings = {
      ...DEFAULT_SETTINGS,
      enabled: s.enabled,
      enabledAt: s.consentAt.getTime(),
      thresholdMinutes: s.thresholdMinutes,
      noKeyMinutes: s.noKeyMinutes,
      quietStartMinute: s.quietStartMinute,
      quietEndMinute: s.quietEndMinute,
      supportWorkerFirst: s.supportWorkerFirst,
      escalateAfterMinutes: s.escalateAfterMinutes,
      contactCount: p.contactCount,
      hasSupportWorker: p.hasSupportWorker,
    };
    const rhythm = st.rhythm ?? emptyRhythm(settings.enabledAt, DEFAULT_TUNING.rhythmDays);
    let rhythmSlot = st.rhythmSlot;
    let folded = 0;
    for (const row of presenceBy.get(s.residentId) ?? []) {
      if (rhythmSlot !== null && row.slot <= rhythmSlot) continue;
      markSignOfLife(rhythm, row.slot * SLOT_MS);
      folded++;
    }
    // The current slot may still gain flags: fold it again next time (setting a bit is idempotent).
    // With nothing new the slot moves only once it lags a day, so idle residents cost no write.
    const current = Math.floor(ms / SLOT_MS) - 1;
    const lagging = rhythmSlot === null || current - rhythmSlot > 96;
    const rhythmChanged = folded > 0 || lagging;
    if (rhythmChanged) rhythmSlot = rhythmSlot === null ? current : Math.max(rhythmSlot, current);
    const a = alertBy.get(s.residentId);
    const state: WatchState = {
      lastSignAt: st.lastSignAt,
      lastHeartbeatAt: st.lastHeartbeatAt,
      check: st.checkAskedAt !== null ? { askedAt: st.checkAskedAt, attempt: st.checkAttempt ?? 1 } : null,
      away: (awayBy.get(s.residentId) ?? []).map((x) => {
        const from = x.fromAt.getTime();
        let until = x.untilAt.getTime();
        // Back early: activity on the TV an hour after "留守にします" ends the absence there.
        if (x.source === 'tv' && st.lastSignAt !== null && st.lastSignAt > from + 3_600_000) {
          until = Math.min(until, st.lastSignAt);
        }
        return { from, until };
      }),
      rhythm,
      alert: a
        ? {
            condition: a.condition,
            openedAt: a.openedAt.getTime(),
            step: a.step,
            stepAt: a.stepAt.getTime(),
            acknowledged: a.acknowledgedAt !== null,
          }
        : null,
      settledAt: st.settledAt,
    };
    return { residentId: s.residentId, settings, state, alertId: a?.id ?? null, rhythmSlot, rhythmChanged };
  });
}
