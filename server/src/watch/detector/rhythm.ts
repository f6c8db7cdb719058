import { localDayIndex, localHourIndex } from './local-time';
import type { AwayPeriod, RhythmState } from './types';

export function emptyRhythm(at: number, days: number): RhythmState {
  const today = localDayIndex(at);
  return { day0: today - days, since: today, masks: new Array<number>(days + 1).fill(0) };
}

/** Slides the window so its last mask is `day`; masks that fall off are forgotten. */
function advanceTo(rhythm: RhythmState, day: number): void {
  const last = rhythm.day0 + rhythm.masks.length - 1;
  if (day <= last) return;
  const shift = Math.min(day - last, rhythm.masks.length);
  rhythm.masks.splice(0, shift);
  for (let i = 0; i < shift; i++) rhythm.masks.push(0);
  rhythm.day0 = day - rhythm.masks.length + 1;
}

/** Marks the hour of `at` as having a sign of life (updates in place); true if that was news. */
export function markSignOfLife(rhythm: RhythmState, at: number): boolean {
  const day = localDayIndex(at);
  advanceTo(rhythm, day);
  const i = day - rhythm.day0;
  if (i < 0) return false;
  const before = rhythm.masks[i] ?? 0;
  rhythm.masks[i] = before | (1 << (localHourIndex(at) - day * 24));
  return rhythm.masks[i] !== before;
}

export interface BrokenRhythm {
  /** Tokyo hours of the day that bound the unprecedented silence, e.g. 7 and 11. */
  fromHour: number;
  toHour: number;
  /** History days compared, and how many of them were silent in the same window. */
  days: number;
  silentDays: number;
  /** The hour of the window with activity on the most history days, and on how many. */
  usualHour: number;
  usualDays: number;
}

export interface RhythmRule {
  minDays: number;
  minWindowHours: number;
  marginHours: number;
  maxSilentDays: number;
}

function touchesAway(away: readonly AwayPeriod[], firstDay: number, lastDay: number): boolean {
  for (const p of away) {
    if (localDayIndex(p.from) <= lastDay && localDayIndex(p.until) >= firstDay) return true;
  }
  return false;
}

function bitsBetween(from: number, to: number): number {
  // Bits from..to-1 of a 24-bit mask.
  return ((1 << to) - 1) & ~((1 << from) - 1);
}

interface SilentWindow {
  a: number;
  b: number;
  days: number;
  silent: number;
}

/**
 * Has the resident been silent, since `anchor`, through a stretch of hours in which they were
 * (almost) never silent on the history days? Compares whole hours after the last sign of life,
 * minus a margin at the end, with the same clock hours of each earlier day.
 */
function testWindow(
  rhythm: RhythmState,
  away: readonly AwayPeriod[],
  anchor: number,
  now: number,
  rule: RhythmRule,
): SilentWindow | null {
  const a = localHourIndex(anchor) + 1;
  const b = localHourIndex(now) - rule.marginHours;
  if (b - a < rule.minWindowHours || b - a > 24) return null;
  const dayA = Math.floor(a / 24);
  const dayB = Math.floor((b - 1) / 24);
  const maskA = dayA === dayB ? bitsBetween(a - dayA * 24, b - dayB * 24) : bitsBetween(a - dayA * 24, 24);
  const maskB = dayA === dayB ? 0 : bitsBetween(0, b - dayB * 24);
  const today = localDayIndex(now);
  let days = 0;
  let silent = 0;
  const tracked = rhythm.day0 + rhythm.masks.length;
  for (let back = 1; back < rhythm.masks.length; back++) {
    const da = dayA - back;
    const db = dayB - back;
    if (da < rhythm.since || db >= tracked || da < rhythm.day0) continue;
    const ma = rhythm.masks[da - rhythm.day0]!;
    const mb = rhythm.masks[db - rhythm.day0]!;
    // Today's own hours never count as history; days touched by an away period say nothing
    // about the resident's rhythm at home.
    if (db >= today || touchesAway(away, da, db)) continue;
    days++;
    if ((ma & maskA) === 0 && (mb & maskB) === 0) {
      silent++;
      // Too irregular here already: the answer is no, however many days remain.
      if (silent > rule.maxSilentDays) return null;
    }
  }
  if (days < rule.minDays) return null;
  return { a, b, days, silent };
}

/** The rhythm test alone, without the explanation (used to plan when to look again). */
export function isRhythmBroken(
  rhythm: RhythmState,
  away: readonly AwayPeriod[],
  anchor: number,
  now: number,
  rule: RhythmRule,
): boolean {
  return testWindow(rhythm, away, anchor, now, rule) !== null;
}

/** The rhythm test, with what the alert says: the window, and the usual hour that was missed. */
export function findBrokenRhythm(
  rhythm: RhythmState,
  away: readonly AwayPeriod[],
  anchor: number,
  now: number,
  rule: RhythmRule,
): BrokenRhythm | null {
  const w = testWindow(rhythm, away, anchor, now, rule);
  if (!w) return null;
  const usual = usualHourIn(rhythm, away, w.a, w.b, localDayIndex(now));
  return { fromHour: w.a % 24, toHour: w.b % 24, days: w.days, silentDays: w.silent, ...usual };
}

/** Only computed once a concern is raised: which hour of the window is the habit that was missed. */
function usualHourIn(rhythm: RhythmState, away: readonly AwayPeriod[], a: number, b: number, today: number) {
  const dayA = Math.floor(a / 24);
  const dayB = Math.floor((b - 1) / 24);
  const tracked = rhythm.day0 + rhythm.masks.length;
  let usualHour = a % 24;
  let usualDays = -1;
  for (let h = a; h < b; h++) {
    let n = 0;
    for (let back = 1; back < rhythm.masks.length; back++) {
      // The same history days as the main comparison.
      const da = dayA - back;
      const db = dayB - back;
      if (da < rhythm.since || db >= tracked || da < rhythm.day0) continue;
      if (db >= today || touchesAway(away, da, db)) continue;
      const hh = h - back * 24;
      const d = Math.floor(hh / 24);
      if ((rhythm.masks[d - rhythm.day0]! >> (hh - d * 24)) & 1) n++;
    }
    if (n > usualDays) {
      usualDays = n;
      usualHour = h % 24;
    }
  }
  return { usualHour, usualDays };
}
