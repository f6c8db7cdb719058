import type { Sqlite } from '../../../db/src';
import { badRequest } from '../lib/errors';
import { DEFAULT_TUNING } from './detector/types';
import { PRESENCE_KEY, PRESENCE_TV, SLOT_MS } from './record-life-sign';

export type TvActivity = 'heartbeat' | 'keys';

interface Statements {
  watched: (householdId: number) => { resident_id: number }[];
  ingest: (householdId: number, kind: TvActivity, at: number) => number;
}

const cache = new WeakMap<Sqlite, Statements>();
const GAP_MS = DEFAULT_TUNING.heartbeatGapMinutes * 60_000;

/**
 * Prepared once per connection: this is the hot path (every box sends a heartbeat every few
 * minutes), so it is three prepared statements in one transaction and no ORM.
 */
function statements(sqlite: Sqlite): Statements {
  let s = cache.get(sqlite);
  if (s) return s;
  const watched = sqlite.prepare<[number], { resident_id: number }>(
    `SELECT ws.resident_id FROM watch_settings ws JOIN residents r ON r.id = ws.resident_id
     WHERE r.household_id = ? AND ws.enabled = 1`,
  );
  const presence = sqlite.prepare<[number, number, number]>(
    `INSERT INTO watch_presence (resident_id, slot, flags) VALUES (?, ?, ?)
     ON CONFLICT (resident_id, slot) DO UPDATE SET flags = flags | excluded.flags`,
  );
  // Switching the TV on is a sign of life; staying on is not.
  const heartbeat = sqlite.prepare<{ at: number; gap: number; id: number }>(
    `UPDATE watch_state SET
       last_sign_at = CASE WHEN last_heartbeat_at IS NULL OR @at - last_heartbeat_at > @gap
                      THEN max(coalesce(last_sign_at, 0), @at) ELSE last_sign_at END,
       last_heartbeat_at = max(coalesce(last_heartbeat_at, 0), @at),
       greeted_at = CASE WHEN last_heartbeat_at IS NULL OR @at - last_heartbeat_at > @gap
                    THEN NULL ELSE greeted_at END,
       next_check_at = NULL
     WHERE resident_id = @id`,
  );
  // (A TV switched on is a new episode: a greeting left from before it is not shown again.)
  // Any key answers the on-screen check, unless it was pressed before the check was asked (a
  // key press the TV could not send at the time and sends late).
  const keys = sqlite.prepare<{ at: number; id: number }>(
    `UPDATE watch_state SET last_sign_at = max(coalesce(last_sign_at, 0), @at),
       last_heartbeat_at = max(coalesce(last_heartbeat_at, 0), @at),
       check_asked_at = CASE WHEN check_asked_at <= @at THEN NULL ELSE check_asked_at END,
       check_attempt = CASE WHEN check_asked_at <= @at THEN NULL ELSE check_attempt END,
       greeted_at = CASE WHEN greeted_at <= @at THEN NULL ELSE greeted_at END,
       next_check_at = NULL
     WHERE resident_id = @id`,
  );
  // A key while a greeting or check is shown is an answer: the detector learns how often this
  // resident answers (learned-normal.ts). Before the update above, which clears them.
  const answered = sqlite.prepare<{ at: number; id: number }>(
    `UPDATE watch_normal SET answered = answered + 1 WHERE resident_id = @id AND EXISTS (
       SELECT 1 FROM watch_state WHERE resident_id = @id AND (check_asked_at <= @at OR greeted_at <= @at))`,
  );
  const ingest = sqlite.transaction((householdId: number, kind: TvActivity, at: number) => {
    const rows = watched.all(householdId);
    const slot = Math.floor(at / SLOT_MS);
    for (const { resident_id: id } of rows) {
      presence.run(id, slot, kind === 'keys' ? PRESENCE_TV | PRESENCE_KEY : PRESENCE_TV);
      if (kind === 'keys') {
        answered.run({ at, id });
        keys.run({ at, id });
      } else heartbeat.run({ at, gap: GAP_MS, id });
    }
    return rows.length;
  });
  s = { watched: (h) => watched.all(h), ingest };
  cache.set(sqlite, s);
  return s;
}

/** Records TV activity for every watched resident of the household; returns how many. */
export function recordTvActivity(sqlite: Sqlite, householdId: number, kind: TvActivity, at: Date): number {
  return statements(sqlite).ingest(householdId, kind, at.getTime());
}

/** How far back a TV may send activity it could not send at the time (server or network down). */
export const LATE_ACTIVITY_MAX_MS = 24 * 3_600_000;
/** A box's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;

/**
 * When the activity happened: now, or `at` for activity the TV kept while it could not reach the
 * server. Refused (400) if it lies in the future or more than a day back.
 */
export function activityInstant(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const ms = Date.parse(at);
  if (ms > now.getTime() + CLOCK_SKEW_MS)
    throw badRequest('activity_in_future', 'The activity time lies in the future');
  if (ms < now.getTime() - LATE_ACTIVITY_MAX_MS)
    throw badRequest('activity_too_old', 'Activity older than 24 hours is not accepted');
  return new Date(Math.min(ms, now.getTime()));
}
