import { sqliteForReading, withSqlite, type Db } from '../../../db/src';
import { emptyRhythm, markSignOfLife } from './detector/rhythm';
import { localDayIndex } from './detector/local-time';
import { decayNormal, emptyNormal, learnFromPresence } from './detector/learned-normal';
import { DEFAULT_SETTINGS, LEARNING_TUNING, DEFAULT_TUNING, type RhythmState } from './detector/types';
import { decodeNormal, encodeRuns } from './normal-codec';
import { SLOT_MS } from './record-life-sign';
import { decodeRhythm, encodeMasks } from './rhythm-codec';

/** Presence older than this is deleted: the rhythm keeps what it needs, the console shows a week. */
export const PRESENCE_RETENTION_DAYS = 28;
const WATERMARK_KEY = 'watch.rhythm_slot';
const BATCH = 500;
const DAY_MS = 86_400_000;
const OFFSET_MS = 9 * 3_600_000;

export interface LearnResult {
  residents: number;
  fromSlot: number;
  toSlot: number;
  pruned: number;
}

interface StoredRow {
  day0: number | null;
  since: number | null;
  masks: Buffer | null;
  consent_at: number | null;
  nday: number | null;
  runs: Buffer | null;
  qs: number | null;
  qe: number | null;
}

/** The last 15-minute slot of the Tokyo day before the one containing `now`. */
export function lastSlotBeforeToday(now: number): number {
  const todayStart = localDayIndex(now) * DAY_MS - OFFSET_MS;
  return todayStart / SLOT_MS - 1;
}

/**
 * Folds the presence of whole Tokyo days into each resident's learned rhythm, once a day.
 * The detector compares only earlier days with today (today's hours are never history), so
 * nothing is lost by folding a day after it ends, and the detection pass never parses or writes
 * a rhythm. Folding is idempotent (bits are OR-ed in), so a fold that crashed is simply repeated
 * from the stored watermark. Works in batches and yields between them, so heartbeats keep being
 * served while 100,000 rhythms are updated. Presence past the retention period is pruned.
 */
export async function learnRhythms(db: Db, now: Date): Promise<LearnResult> {
  const sqlite = await sqliteForReading(db);
  const ms = now.getTime();
  const toSlot = lastSlotBeforeToday(ms);
  const mark = sqlite
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(WATERMARK_KEY);
  let fromSlot = mark ? Number(JSON.parse(mark.value)) : NaN;
  if (!Number.isFinite(fromSlot)) {
    const first = sqlite
      .prepare<[], { consent: number | null }>('SELECT min(consent_at) AS consent FROM watch_settings')
      .get();
    fromSlot = Math.floor((first?.consent ?? ms) / SLOT_MS) - 1;
  }
  let residents = 0;
  if (fromSlot < toSlot) {
    const ids = sqlite
      .prepare<[number, number], { resident_id: number }>(
        `SELECT DISTINCT p.resident_id FROM watch_presence p
         JOIN watch_state t ON t.resident_id = p.resident_id
         WHERE p.slot > ? AND p.slot <= ? ORDER BY p.resident_id`,
      )
      .all(fromSlot, toSlot)
      .map((r) => r.resident_id);
    const slotsOf = sqlite.prepare<[number, number, number], { slot: number; flags: number }>(
      'SELECT slot, flags FROM watch_presence WHERE resident_id = ? AND slot > ? AND slot <= ? ORDER BY slot',
    );
    // Asks and answers are counted by the pass and the activity writer meanwhile: only the runs
    // and the decay are the job's, so the counts are scaled, not overwritten.
    const saveNormal = sqlite.prepare<{ id: number; day: number; runs: Buffer; fade: number }>(
      `INSERT INTO watch_normal (resident_id, day, runs, asked, answered) VALUES (@id, @day, @runs, 0, 0)
       ON CONFLICT (resident_id) DO UPDATE SET day = excluded.day, runs = excluded.runs,
         asked = asked * @fade, answered = answered * @fade`,
    );
    // The rhythm and the learned normal in one read: this runs for every watched resident.
    const read = sqlite.prepare<[number], StoredRow>(
      `SELECT w.day0, w.since, w.masks, s.consent_at, n.day AS nday, n.runs,
         s.quiet_start_minute AS qs, s.quiet_end_minute AS qe
       FROM watch_state t
       LEFT JOIN watch_rhythm w ON w.resident_id = t.resident_id
       LEFT JOIN watch_settings s ON s.resident_id = t.resident_id
       LEFT JOIN watch_normal n ON n.resident_id = t.resident_id WHERE t.resident_id = ?`,
    );
    const save = sqlite.prepare<[number, number, number, Buffer, number]>(
      `INSERT INTO watch_rhythm (resident_id, day0, since, masks, learned_through_slot) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (resident_id) DO UPDATE SET day0 = excluded.day0, since = excluded.since,
         masks = excluded.masks, learned_through_slot = excluded.learned_through_slot`,
    );
    // The learned normal (how long this resident's TV runs without a key at each hour) learns
    // from the same whole days of presence.
    const foldNormal = (id: number, row: StoredRow, slots: { slot: number; flags: number }[]) => {
      if (row.qs === null || row.qe === null) return;
      // Counts of 1 come out of the decay as the factor to scale the stored counts by.
      const n = row.runs ? decodeNormal(row.nday!, row.runs, 1, 1) : emptyNormal(ms);
      const settings = {
        ...DEFAULT_SETTINGS,
        enabledAt: 0,
        quietStartMinute: row.qs,
        quietEndMinute: row.qe,
      };
      learnFromPresence(n, settings, slots, LEARNING_TUNING);
      decayNormal(n, ms, LEARNING_TUNING);
      saveNormal.run({ id, day: n.day, runs: encodeRuns(n.noKeyRun), fade: row.runs ? n.asked : 1 });
    };
    const foldBatch = sqlite.transaction((batch: number[]) => {
      for (const id of batch) {
        const row = read.get(id);
        if (!row) continue;
        const rhythm: RhythmState =
          row.masks !== null
            ? decodeRhythm(row.day0!, row.since!, row.masks)
            : emptyRhythm(row.consent_at ?? ms, DEFAULT_TUNING.rhythmDays);
        let changed = row.masks === null;
        const slots = slotsOf.all(id, fromSlot, toSlot);
        for (const { slot } of slots) {
          if (markSignOfLife(rhythm, slot * SLOT_MS)) changed = true;
        }
        if (changed) save.run(id, rhythm.day0, rhythm.since, encodeMasks(rhythm.masks), toSlot);
        foldNormal(id, row, slots);
      }
    });
    for (let i = 0; i < ids.length; i += BATCH) {
      await withSqlite(db, () => foldBatch(ids.slice(i, i + BATCH)));
      residents += Math.min(BATCH, ids.length - i);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await withSqlite(db, () => {
      sqlite
        .prepare(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        )
        .run(WATERMARK_KEY, JSON.stringify(toSlot), ms);
      // A check planned today, after a sign of life since midnight, was planned without the day
      // just learned (its windows start today, so yesterday is now history for them): plan again.
      sqlite
        .prepare<[number]>(
          `UPDATE watch_state SET next_check_at = NULL
         WHERE next_check_at IS NOT NULL AND max(coalesce(last_sign_at, 0), coalesce(last_heartbeat_at, 0)) >= ?`,
        )
        .run((toSlot + 1) * SLOT_MS);
    });
  }
  const keepFrom = Math.floor((ms - PRESENCE_RETENTION_DAYS * DAY_MS) / SLOT_MS);
  // In chunks: a day of 100,000 residents is millions of rows, and heartbeats wait for the lock.
  const prune = sqlite.prepare<[number]>(
    'DELETE FROM watch_presence WHERE rowid IN (SELECT rowid FROM watch_presence WHERE slot < ? LIMIT 20000)',
  );
  let pruned = 0;
  for (;;) {
    const n = await withSqlite(db, () => prune.run(keepFrom).changes);
    pruned += n;
    if (n === 0) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { residents, fromSlot, toSlot: Math.max(fromSlot, toSlot), pruned };
}
