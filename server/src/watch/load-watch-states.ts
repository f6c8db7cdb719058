import { sqliteForReading, type Db } from '../../../db/src';
import {
  DEFAULT_TUNING,
  type LearnedNormal,
  type RhythmState,
  type WatchCondition,
  type WatchSettings,
  type WatchState,
} from './detector/types';
import { emptyRhythm } from './detector/rhythm';
import { decodeRhythm } from './rhythm-codec';
import { decodeNormal } from './normal-codec';
import { loadBlindPeriods } from './platform-silence';

export interface LoadedResident {
  residentId: number;
  settings: WatchSettings;
  state: WatchState;
  alertId: number | null;
  /** As stored, to write it only when it changes (and only if no activity came in meanwhile). */
  nextCheckAt: number | null;
  lastSignAt: number | null;
  lastHeartbeatAt: number | null;
}

/**
 * Everything the detection pass needs, in a handful of bulk queries (not one query per
 * resident): settings, compact state and reach (contacts, support worker) in one query, away
 * periods and open alerts. Residents whose
 * `next_check_at` lies ahead are left out: nothing new arrived and no deadline has passed.
 */
export async function loadWatchStates(db: Db, now: Date, residentIds?: number[]): Promise<LoadedResident[]> {
  const ms = now.getTime();
  // Raw prepared statements: at 100,000 residents the ORM's row mapping would dominate the pass.
  const sqlite = await sqliteForReading(db);
  // Raw rows (arrays): better-sqlite3 builds an object per row property by property, which cost
  // more than the query itself at 100,000 rows. Contact counts come from one grouped query.
  const select = `SELECT s.resident_id, s.enabled, s.consent_at, s.threshold_minutes, s.no_key_minutes,
              s.quiet_start_minute, s.quiet_end_minute, s.support_worker_first, s.escalate_after_minutes,
              t.last_sign_at, t.last_heartbeat_at, t.check_asked_at, t.check_attempt, t.settled_at,
              t.next_check_at, h.hamlet_id, t.greeted_at
       FROM watch_settings s
       JOIN watch_state t ON t.resident_id = s.resident_id
       JOIN residents r ON r.id = s.resident_id
       JOIN households h ON h.id = r.household_id
       WHERE s.enabled = 1 AND `;
  const rows = residentIds
    ? // Residents named explicitly are always checked.
      sqlite
        .prepare<[string], SettingsRow>(`${select} s.resident_id IN (SELECT value FROM json_each(?))`)
        .raw(true)
        .all(JSON.stringify(residentIds))
    : sqlite
        .prepare<[number], SettingsRow>(`${select} (t.next_check_at IS NULL OR t.next_check_at <= ?)`)
        .raw(true)
        .all(ms);
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
  const group = <T extends { resident_id: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) {
      const l = m.get(x.resident_id);
      if (l) l.push(x);
      else m.set(x.resident_id, [x]);
    }
    return m;
  };
  // One list shared by every resident: time when engawa could not hear any box.
  const blind = await loadBlindPeriods(db, now);
  const awayBy = group(away);
  const alertBy = new Map(alerts.map((a) => [a.resident_id, a]));
  // Read only for residents the detector asks about (a quiet house): the blob is the costliest
  // column, and a house with the TV on never needs it.
  const rhythmOf = sqlite.prepare<[number], StoredRhythm>(
    'SELECT day0, since, masks FROM watch_rhythm WHERE resident_id = ?',
  );
  const readRhythm = (id: number) => rhythmOf.get(id);
  // Likewise the learned normal: read only when the TV is on (when to greet, how many asks).
  const normalOf = sqlite.prepare<[number], StoredNormal>(
    'SELECT day, runs, asked, answered FROM watch_normal WHERE resident_id = ?',
  );
  const readNormal = (id: number) => normalOf.get(id);
  const contacts = new Map(
    sqlite
      .prepare<[], [number, number]>(
        'SELECT resident_id, count(*) FROM family_contacts WHERE opt_in_at IS NOT NULL GROUP BY resident_id',
      )
      .raw(true)
      .all(),
  );

  return rows.map((row) => {
    const [
      residentId,
      enabled,
      consentAt,
      thresholdMinutes,
      noKeyMinutes,
      quietStartMinute,
      quietEndMinute,
      supportWorkerFirst,
      escalateAfterMinutes,
      lastSignAt,
      lastHeartbeatAt,
      checkAskedAt,
      checkAttempt,
      settledAt,
      nextCheckAt,
      hamletId,
      greetedAt,
    ] = row;
    const settings: WatchSettings = {
      enabled: enabled === 1,
      enabledAt: consentAt,
      thresholdMinutes,
      noKeyMinutes,
      quietStartMinute,
      quietEndMinute,
      supportWorkerFirst: supportWorkerFirst === 1,
      escalateAfterMinutes,
      contactCount: contacts.get(residentId) ?? 0,
      hasSupportWorker: served.has(hamletId),
    };
    const a = alertBy.get(residentId);
    const state = new StoredState(readRhythm, readNormal, residentId, consentAt, {
      lastSignAt,
      greetedAt,
      lastHeartbeatAt,
      check: checkAskedAt !== null ? { askedAt: checkAskedAt, attempt: checkAttempt ?? 1 } : null,
      away:
        awayBy.get(residentId)?.map((x) => {
          let until = x.until_at;
          // Back early: activity on the TV an hour after "留守にします" ends the absence there.
          if (x.source === 'tv' && lastSignAt !== null && lastSignAt > x.from_at + 3_600_000) {
            until = Math.min(until, lastSignAt);
          }
          return { from: x.from_at, until };
        }) ?? NO_AWAY,
      alert: a
        ? {
            condition: a.condition,
            openedAt: a.opened_at,
            step: a.step,
            stepAt: a.step_at,
            acknowledged: a.acknowledged_at !== null,
          }
        : null,
      settledAt,
      blind,
    });
    return { residentId, settings, state, alertId: a?.id ?? null, nextCheckAt, lastSignAt, lastHeartbeatAt };
  });
}

/** Shared by every resident without an away period (the detector never writes to it). */
const NO_AWAY: { from: number; until: number }[] = [];

interface StoredNormal {
  day: number;
  runs: Buffer;
  asked: number;
  answered: number;
}

interface StoredRhythm {
  day0: number;
  since: number;
  masks: Buffer;
}

/**
 * A resident's state as loaded. The rhythm (56 day masks, learned once a day by learnRhythms) is
 * parsed only if the detector reads it, i.e. for a quiet house; a class keeps the lazy getter on
 * the prototype instead of a closure pair per resident.
 */
class StoredState implements WatchState {
  lastSignAt: number | null;
  lastHeartbeatAt: number | null;
  check: WatchState['check'];
  away: WatchState['away'];
  alert: WatchState['alert'];
  settledAt: number | null;
  blind: WatchState['blind'];
  greetedAt: number | null;
  #read: (residentId: number) => StoredRhythm | undefined;
  #readNormal: (residentId: number) => StoredNormal | undefined;
  #normal: LearnedNormal | null | undefined;
  #residentId: number;
  #consentAt: number;
  #rhythm: RhythmState | undefined;

  constructor(
    read: (residentId: number) => StoredRhythm | undefined,
    readNormal: (residentId: number) => StoredNormal | undefined,
    residentId: number,
    consentAt: number,
    fields: Omit<WatchState, 'rhythm'>,
  ) {
    // Field by field, not Object.assign: this runs 100,000 times in a pass.
    this.lastSignAt = fields.lastSignAt;
    this.lastHeartbeatAt = fields.lastHeartbeatAt;
    this.check = fields.check;
    this.away = fields.away;
    this.alert = fields.alert;
    this.settledAt = fields.settledAt;
    this.blind = fields.blind;
    this.greetedAt = fields.greetedAt ?? null;
    this.#read = read;
    this.#readNormal = readNormal;
    this.#residentId = residentId;
    this.#consentAt = consentAt;
  }

  get rhythm(): RhythmState {
    if (this.#rhythm) return this.#rhythm;
    const raw = this.#read(this.#residentId);
    return (this.#rhythm = raw
      ? decodeRhythm(raw.day0, raw.since, raw.masks)
      : emptyRhythm(this.#consentAt, DEFAULT_TUNING.rhythmDays));
  }

  set rhythm(v: RhythmState) {
    this.#rhythm = v;
  }

  /** Not learned yet (no row): the detector uses the fixed minimum. */
  get normal(): LearnedNormal | undefined {
    if (this.#normal === undefined) {
      const raw = this.#readNormal(this.#residentId);
      this.#normal = raw ? decodeNormal(raw.day, raw.runs, raw.asked, raw.answered) : null;
    }
    return this.#normal ?? undefined;
  }

  set normal(v: LearnedNormal | undefined) {
    this.#normal = v ?? null;
  }
}

/** One raw row of the main query, in its column order. */
type SettingsRow = [
  residentId: number,
  enabled: number,
  consentAt: number,
  thresholdMinutes: number,
  noKeyMinutes: number,
  quietStartMinute: number,
  quietEndMinute: number,
  supportWorkerFirst: number,
  escalateAfterMinutes: number,
  lastSignAt: number | null,
  lastHeartbeatAt: number | null,
  checkAskedAt: number | null,
  checkAttempt: number | null,
  settledAt: number | null,
  nextCheckAt: number | null,
  hamletId: number,
  greetedAt: number | null,
];

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
