import type { Db, Sqlite } from '../../../db/src';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TUNING,
  type RhythmState,
  type WatchCondition,
  type WatchSettings,
  type WatchState,
} from './detector/types';
import { emptyRhythm, markSignOfLife } from './detector/rhythm';
import { SLOT_MS } from './record-life-sign';

export interface LoadedResident {
  residentId: number;
  settings: WatchSettings;
  state: WatchState;
  alertId: number | null;
  /** The presence slot folded into the rhythm so far. */
  rhythmSlot: number;
  /** Whether a new hour was learned, i.e. whether the row needs writing. */
  rhythmChanged: boolean;
  /** As stored, to write it only when it changes (and only if no activity came in meanwhile). */
  nextCheckAt: number | null;
  lastSignAt: number | null;
  lastHeartbeatAt: number | null;
}

/**
 * Everything the detection pass needs, in a handful of bulk queries (not one query per
 * resident): settings, compact state and reach (contacts, support worker) in one query, away
 * periods, open alerts, and new presence slots folded into the learned rhythm. Residents whose
 * `next_check_at` lies ahead are left out: nothing new arrived and no deadline has passed.
 */
export function loadWatchStates(db: Db, now: Date, residentIds?: number[]): LoadedResident[] {
  const ms = now.getTime();
  // Raw prepared statements: at 100,000 residents the ORM's row mapping would dominate the pass.
  const sqlite = (db as Db & { $client: Sqlite }).$client;
  const only = residentIds ? new Set(residentIds) : null;
  const rows = sqlite
    .prepare<[number], SettingsRow>(
      `SELECT s.resident_id, s.enabled, s.consent_at, s.threshold_minutes, s.no_key_minutes,
              s.quiet_start_minute, s.quiet_end_minute, s.support_worker_first, s.escalate_after_minutes,
              t.last_sign_at, t.last_heartbeat_at, t.check_asked_at, t.check_attempt, t.settled_at,
              t.rhythm, t.rhythm_slot, t.next_check_at, h.hamlet_id,
              (SELECT count(*) FROM family_contacts f
                WHERE f.resident_id = s.resident_id AND f.opt_in_at IS NOT NULL) AS contact_count
       FROM watch_settings s
       JOIN watch_state t ON t.resident_id = s.resident_id
       JOIN residents r ON r.id = s.resident_id
       JOIN households h ON h.id = r.household_id
       WHERE s.enabled = 1 AND (t.next_check_at IS NULL OR t.next_check_at <= ?)`,
    )
    // Residents named explicitly are always checked.
    .all(only ? Number.MAX_SAFE_INTEGER : ms)
    .filter((r) => !only || only.has(r.resident_id));
  if (rows.length === 0) return [];
  const served = new Set(
    sqlite
      .prepare<[], { hamlet_id: number }>(
        "SELECT hamlet_id FROM staff_users WHERE role = 'support_worker' AND disabled_at IS NULL",
      )
      .all()
      .map((x) => x.hamlet_id),
  );
  const horizon = ms - DEFAULT_TUNING.rhythmDays * 86_400_000;
  const away = sqlite
    .prepare<[number], AwayRow>(
      'SELECT resident_id, from_at, until_at, source FROM watch_away WHERE cancelled_at IS NULL AND until_at > ?',
    )
    .all(horizon);
  const alerts = sqlite
    .prepare<[], AlertRow>(
      'SELECT id, resident_id, condition, opened_at, step, step_at, acknowledged_at FROM watch_alerts WHERE closed_at IS NULL',
    )
    .all();
  // Presence is folded from the last pass's watermark: folding is idempotent, so a pass that
  // crashed before saving it only folds the same slots again.
  const mark = sqlite
    .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'watch.rhythm_slot'")
    .get();
  let fromSlot = mark ? Number(JSON.parse(mark.value)) : Infinity;
  if (!Number.isFinite(fromSlot)) {
    for (const r of rows) fromSlot = Math.min(fromSlot, Math.floor(r.consent_at / SLOT_MS) - 1);
  }
  const presence = sqlite
    .prepare<[number, number], { resident_id: number; slot: number }>(
      'SELECT resident_id, slot FROM watch_presence WHERE slot > ? AND slot <= ?',
    )
    .all(fromSlot, Math.floor(ms / SLOT_MS));
  const group = <T extends { resident_id: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) {
      const l = m.get(x.resident_id);
      if (l) l.push(x);
      else m.set(x.resident_id, [x]);
    }
    return m;
  };
  const awayBy = group(away);
  const alertBy = new Map(alerts.map((a) => [a.resident_id, a]));
  const presenceBy = group(presence);

  return rows.map((s) => {
    const p = { contactCount: s.contact_count, hasSupportWorker: served.has(s.hamlet_id) };
    const settings: WatchSettings = {
      ...DEFAULT_SETTINGS,
      enabled: s.enabled === 1,
      enabledAt: s.consent_at,
      thresholdMinutes: s.threshold_minutes,
      noKeyMinutes: s.no_key_minutes,
      quietStartMinute: s.quiet_start_minute,
      quietEndMinute: s.quiet_end_minute,
      supportWorkerFirst: s.support_worker_first === 1,
      escalateAfterMinutes: s.escalate_after_minutes,
      contactCount: p.contactCount,
      hasSupportWorker: p.hasSupportWorker,
    };
    // Parsed only when new presence is folded in or the detector reads it (a quiet house past
    // the rhythm window): parsing every resident's 56 masks was most of a pass.
    let rhythm: RhythmState | undefined =
      s.rhythm === null ? emptyRhythm(settings.enabledAt, DEFAULT_TUNING.rhythmDays) : undefined;
    const raw = s.rhythm;
    const getRhythm = () => (rhythm ??= JSON.parse(raw!) as RhythmState);
    let rhythmChanged = s.rhythm === null;
    for (const row of presenceBy.get(s.resident_id) ?? []) {
      if (markSignOfLife(getRhythm(), row.slot * SLOT_MS)) rhythmChanged = true;
    }
    // The current slot may still gain flags: the next pass folds it again.
    const rhythmSlot = Math.floor(ms / SLOT_MS) - 1;
    const a = alertBy.get(s.resident_id);
    const state: WatchState = {
      lastSignAt: s.last_sign_at,
      lastHeartbeatAt: s.last_heartbeat_at,
      check: s.check_asked_at !== null ? { askedAt: s.check_asked_at, attempt: s.check_attempt ?? 1 } : null,
      away: (awayBy.get(s.resident_id) ?? []).map((x) => {
        let until = x.until_at;
        // Back early: activity on the TV an hour after "留守にします" ends the absence there.
        if (x.source === 'tv' && s.last_sign_at !== null && s.last_sign_at > x.from_at + 3_600_000) {
          until = Math.min(until, s.last_sign_at);
        }
        return { from: x.from_at, until };
      }),
      get rhythm() {
        return getRhythm();
      },
      set rhythm(v: RhythmState) {
        rhythm = v;
      },
      alert: a
        ? {
            condition: a.condition,
            openedAt: a.opened_at,
            step: a.step,
            stepAt: a.step_at,
            acknowledged: a.acknowledged_at !== null,
          }
        : null,
      settledAt: s.settled_at,
    };
    return {
      residentId: s.resident_id,
      settings,
      state,
      alertId: a?.id ?? null,
      rhythmSlot,
      rhythmChanged,
      nextCheckAt: s.next_check_at,
      lastSignAt: s.last_sign_at,
      lastHeartbeatAt: s.last_heartbeat_at,
    };
  });
}

interface SettingsRow {
  resident_id: number;
  enabled: number;
  consent_at: number;
  threshold_minutes: number;
  no_key_minutes: number;
  quiet_start_minute: number;
  quiet_end_minute: number;
  support_worker_first: number;
  escalate_after_minutes: number;
  last_sign_at: number | null;
  last_heartbeat_at: number | null;
  check_asked_at: number | null;
  check_attempt: number | null;
  settled_at: number | null;
  rhythm: string | null;
  rhythm_slot: number | null;
  next_check_at: number | null;
  hamlet_id: number;
  contact_count: number;
}

interface AwayRow {
  resident_id: number;
  from_at: number;
  until_at: number;
  source: string;
}

interface AlertRow {
  id: number;
  resident_id: number;
  condition: WatchCondition;
  opened_at: number;
  step: number;
  step_at: number;
  acknowledged_at: number | null;
}
