import { awakeMinutesBetween, localDayIndex, localHourIndex } from './local-time';
import type { DetectorTuning, LearnedNormal, WatchSettings } from './types';

/*
 * What the detector learns about one resident's own normal, so it asks only when this resident's
 * silence is unusual for them. Presence and answers only: never what was watched.
 */

const CELLS = 48;
/** Runs shorter than this say nothing the fixed minimum does not already say. */
const MIN_RUN_MINUTES = 60;

export function emptyNormal(at: number): LearnedNormal {
  return { day: localDayIndex(at), noKeyRun: new Array<number>(CELLS).fill(0), asked: 0, answered: 0 };
}

/** Saturday and Sunday are one day type, weekdays the other (1970-01-01 was a Thursday). */
function dayType(at: number): number {
  const weekday = (localDayIndex(at) + 4) % 7;
  return weekday === 0 || weekday === 6 ? 1 : 0;
}

function cellOf(at: number): number {
  return (((localHourIndex(at) % 24) + 24) % 24) + 24 * dayType(at);
}

/** Old evidence fades: a habit given up weeks ago should not keep the detector quiet. */
function decayTo(n: LearnedNormal, at: number, halfLifeDays: number): void {
  const day = localDayIndex(at);
  if (day <= n.day) return;
  const f = Math.pow(0.5, (day - n.day) / halfLifeDays);
  for (let i = 0; i < CELLS; i++) n.noKeyRun[i] = n.noKeyRun[i]! * f;
  n.asked *= f;
  n.answered *= f;
  n.day = day;
}

/**
 * A key press after the TV ran without one since `runFrom`: the resident was fine through that
 * stretch, so a stretch that long, begun at that hour on that day type, is normal for them. An
 * answered check or greeting is exactly such a stretch, so it raises this resident's threshold.
 */
export function learnNoKeyRun(
  n: LearnedNormal,
  settings: WatchSettings,
  runFrom: number,
  at: number,
  tuning: DetectorTuning,
): void {
  decayTo(n, at, tuning.learnHalfLifeDays);
  const run = awakeMinutesBetween(runFrom, at, settings.quietStartMinute, settings.quietEndMinute);
  if (run < MIN_RUN_MINUTES) return;
  const c = cellOf(runFrom);
  if (run > n.noKeyRun[c]!) n.noKeyRun[c] = run;
}

export function learnAsked(n: LearnedNormal, at: number, tuning: DetectorTuning): void {
  decayTo(n, at, tuning.learnHalfLifeDays);
  n.asked++;
}

export function learnAnswered(n: LearnedNormal, at: number, tuning: DetectorTuning): void {
  decayTo(n, at, tuning.learnHalfLifeDays);
  n.answered++;
}

/**
 * How long (awake minutes) this resident's TV may run without a key, from a silence begun at
 * `from`, before they are greeted: a little beyond the longest such stretch they lived through
 * lately at that hour (the neighbouring hours too, and the other day type as weaker evidence),
 * never below the fixed minimum and never so late that a collapse is found after 12 hours.
 */
export function checkAfterMinutes(
  n: LearnedNormal | undefined,
  from: number,
  tuning: DetectorTuning,
): number {
  if (!n) return tuning.checkAfterMinutes;
  const c = cellOf(from);
  const hour = c % 24;
  const type = c - hour;
  let same = 0;
  let other = 0;
  for (const dh of [-1, 0, 1]) {
    const h = (hour + dh + 24) % 24;
    same = Math.max(same, n.noKeyRun[type + h]!);
    other = Math.max(other, n.noKeyRun[24 - type + h]!);
  }
  const learned = Math.max(same, other * 0.8);
  const wanted = learned * tuning.learnedRunFactor + tuning.learnedRunMarginMinutes;
  return Math.min(tuning.maxCheckAfterMinutes, Math.max(tuning.checkAfterMinutes, wanted));
}

/**
 * How many unanswered asks open an alert: a resident who nearly always answers and has not, twice,
 * is unusual enough; one who often misses the question (next room, hard of hearing) gets them all.
 */
export function attemptsFor(n: LearnedNormal | undefined, tuning: DetectorTuning): number {
  if (!n || n.asked < 3) return tuning.checkAttempts;
  return n.answered / n.asked >= 0.8 ? Math.min(2, tuning.checkAttempts) : tuning.checkAttempts;
}

/** One stored 15-minute presence slot (slot = epoch ms / 900,000; bit 1 TV on, 2 key, 4 other sign). */
export interface PresenceSlot {
  slot: number;
  flags: number;
}

const SLOT_MS = 15 * 60_000;

/**
 * Teaches the normal from a span of stored presence (sorted by slot), as the daily learning job
 * sees it: a TV switched on, then slots with the TV on and no key, then a slot with a key (or an
 * order, a ride…) is a stretch this resident lived through. Only slot resolution is known, so the
 * stretch is counted from the end of the slot that began it to the start of the slot that ended
 * it: never longer than it really was, so the detector never learns to wait too long.
 */
export function learnFromPresence(
  n: LearnedNormal,
  settings: WatchSettings,
  slots: readonly PresenceSlot[],
  tuning: DetectorTuning,
): void {
  let runFrom: number | null = null;
  let prev = Number.NEGATIVE_INFINITY;
  for (const { slot, flags } of slots) {
    const start = slot * SLOT_MS;
    const tv = (flags & 1) !== 0;
    const sign = (flags & 6) !== 0;
    // A gap in the TV's presence: it was off, and switching it on again is a sign of life.
    if (slot !== prev + 1 || !tv) runFrom = tv ? start + SLOT_MS : null;
    else if (sign && runFrom !== null && start > runFrom) learnNoKeyRun(n, settings, runFrom, start, tuning);
    if (sign) runFrom = tv ? start + SLOT_MS : null;
    prev = tv ? slot : Number.NEGATIVE_INFINITY;
  }
}

/** Lets old evidence fade up to `at` (the learning job, once a day, for every resident). */
export function decayNormal(n: LearnedNormal, at: number, tuning: DetectorTuning): void {
  decayTo(n, at, tuning.learnHalfLifeDays);
}
