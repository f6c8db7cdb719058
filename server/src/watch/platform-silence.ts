import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { sqliteForReading, type Db, type Tx } from '../../../db/src';
import { settings, watchBlindPeriods } from '../../../db/src/schema';
import type { Config } from '../config';
import { recordAudit, systemActor } from '../lib/audit';
import { formatJaDateTime } from '../lib/tokyo';
import { enqueueMail } from '../mail/outbox';
import type { AwayPeriod } from './detector/types';
import { SLOT_MS } from './record-life-sign';

const PULSE_KEY = 'watch.pulse';
/** The pulse job runs every minute; a longer gap than this means engawa was not running. */
export const PULSE_GAP_MS = 5 * 60_000;
/** Boxes heard in the last two whole 15-minute slots... */
const WINDOW_SLOTS = 2;
/** ...against the same slots on each of the previous week's days (the median of them). */
const HISTORY_DAYS = 7;
const SLOTS_PER_DAY = 86_400_000 / SLOT_MS;
/** Blind windows are kept for as long as the detector looks back (the rhythm's 56 days). */
const BLIND_HORIZON_MS = 56 * 86_400_000;

type PlatformConfig = Pick<
  Config,
  'OPERATOR_EMAIL' | 'WATCH_SILENCE_SHARE' | 'WATCH_SILENCE_MIN_BOXES' | 'PUBLIC_BASE_URL'
>;

interface Pulse {
  /** Last pulse. */
  at: number;
  /** Start of the stretch of pulses without a gap: engawa has been listening since then. */
  since: number;
}

async function readPulse(db: Db | Tx): Promise<Pulse | null> {
  const row = await db.select().from(settings).where(eq(settings.key, PULSE_KEY)).get();
  return row ? (row.value as Pulse) : null;
}

/**
 * The platform pulse, written every minute by `watch.pulse` and before every detection pass. A gap
 * longer than PULSE_GAP_MS is recorded as a `server_down` blind window and reported once to the
 * operator. Returns the new window's id, if one was recorded.
 */
export async function notePlatformPulse(db: Db, config: PlatformConfig, now: Date): Promise<number | null> {
  return await db.transaction(async (tx) => {
    const ms = now.getTime();
    const last = await readPulse(tx);
    let opened: number | null = null;
    let since = last?.since ?? ms;
    if (last && ms - last.at > PULSE_GAP_MS) {
      opened = await openBlind(tx, config, { reason: 'server_down', fromAt: new Date(last.at) }, now);
      // The gap is over as soon as it is noticed.
      await tx.update(watchBlindPeriods).set({ untilAt: now }).where(eq(watchBlindPeriods.id, opened)).run();
      since = ms;
    }
    const value: Pulse = { at: Math.max(ms, last?.at ?? 0), since };
    await tx
      .insert(settings)
      .values({ key: PULSE_KEY, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    return opened;
  });
}

/**
 * Compares the boxes heard in the last two whole slots with how many are usually heard then. Far
 * fewer (below WATCH_SILENCE_SHARE of at least WATCH_SILENCE_MIN_BOXES) is a platform-wide
 * silence: a `mass_silence` window opens (one operator alert) and stays open until the boxes are
 * heard again. Skipped while engawa itself has not been listening for the whole window.
 */
export async function checkPlatformSilence(db: Db, config: PlatformConfig, now: Date): Promise<void> {
  const sqlite = await sqliteForReading(db);
  const ms = now.getTime();
  const cur = Math.floor(ms / SLOT_MS);
  const first = cur - WINDOW_SLOTS;
  const windowStart = first * SLOT_MS;
  const pulse = await readPulse(db);
  if (!pulse || pulse.since > windowStart) return;
  const count = sqlite.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM watch_presence WHERE slot >= ? AND slot < ?',
  );
  const heard = count.get(first, cur)!.n;
  const history = Array.from(
    { length: HISTORY_DAYS },
    (_, d) => count.get(first - (d + 1) * SLOTS_PER_DAY, cur - (d + 1) * SLOTS_PER_DAY)!.n,
  ).sort((a, b) => a - b);
  // Presence rows count resident-slots: per slot, as boxes are counted in the thresholds.
  const expected = Math.round(history[Math.floor(HISTORY_DAYS / 2)]! / WINDOW_SLOTS);
  const heardBoxes = Math.round(heard / WINDOW_SLOTS);
  const silent =
    expected >= config.WATCH_SILENCE_MIN_BOXES && heardBoxes < config.WATCH_SILENCE_SHARE * expected;
  await db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(watchBlindPeriods)
      .where(and(eq(watchBlindPeriods.reason, 'mass_silence'), isNull(watchBlindPeriods.untilAt)))
      .get();
    if (silent && !open) {
      await openBlind(
        tx,
        config,
        { reason: 'mass_silence', fromAt: new Date(windowStart), heard: heardBoxes, expected },
        now,
      );
    } else if (!silent && open) {
      await tx.update(watchBlindPeriods).set({ untilAt: now }).where(eq(watchBlindPeriods.id, open.id)).run();
      await recordAudit(tx, now, systemActor, 'watch.blind.close', 'watch_blind_period', open.id);
    }
  });
}

async function openBlind(
  tx: Tx,
  config: PlatformConfig,
  w: { reason: 'server_down' | 'mass_silence'; fromAt: Date; heard?: number; expected?: number },
  now: Date,
): Promise<number> {
  const row = await tx
    .insert(watchBlindPeriods)
    .values({ ...w, untilAt: null, createdAt: now })
    .returning({ id: watchBlindPeriods.id })
    .get();
  await recordAudit(tx, now, systemActor, 'watch.blind.open', 'watch_blind_period', row.id, {
    reason: w.reason,
  });
  if (config.OPERATOR_EMAIL) {
    const from = formatJaDateTime(w.fromAt);
    const mail =
      w.reason === 'server_down'
        ? {
            subject: `【engawa 運用】見守りが止まっていました（${from}〜${formatJaDateTime(now)}）`,
            text: `engawa が動いていなかったため、${from}から${formatJaDateTime(now)}まで、テレビからの信号を受け取れていません。\nこの時間は住民の方の「活動なし」に数えず、この間のことでご家族へお知らせすることはありません。テレビは送れなかった活動を再接続のときに送ります。\n止まった原因を確かめてください。`,
          }
        : {
            subject: '【engawa 運用】多くのテレビから信号が届いていません',
            text: `${from}ごろから、この時間にいつもは${w.expected}台ほどから届くテレビの信号が、${w.heard}台分しか届いていません（ネットワークの障害などが考えられます）。\nこの間は住民の方の「活動なし」に数えず、ご家族へのお知らせを止めています。回線の状態を確かめてください。\n状況: ${config.PUBLIC_BASE_URL}/console/watch`,
          };
    await enqueueMail(
      tx,
      { dedupeKey: `watch:blind:${row.id}:operator`, to: config.OPERATOR_EMAIL, ...mail },
      now,
    );
  }
  return row.id;
}

/** Blind windows the detector must know about at `now`, sorted; an open one lasts "forever". */
export async function loadBlindPeriods(db: Db, now: Date): Promise<AwayPeriod[]> {
  const horizon = new Date(now.getTime() - BLIND_HORIZON_MS);
  return (
    await db
      .select({ from: watchBlindPeriods.fromAt, until: watchBlindPeriods.untilAt })
      .from(watchBlindPeriods)
      .where(or(isNull(watchBlindPeriods.untilAt), gt(watchBlindPeriods.untilAt, horizon)))
      .orderBy(watchBlindPeriods.fromAt)
      .all()
  ).reduce<AwayPeriod[]>((merged, p) => {
    const w = { from: p.from.getTime(), until: p.until?.getTime() ?? Number.MAX_SAFE_INTEGER };
    // A server_down gap inside a mass silence (or the other way round) is not subtracted twice.
    const prev = merged[merged.length - 1];
    if (prev && w.from <= prev.until) prev.until = Math.max(prev.until, w.until);
    else merged.push(w);
    return merged;
  }, []);
}
