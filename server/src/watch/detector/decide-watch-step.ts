import {
  checkUnansweredReason,
  noActivityReason,
  rhythmBreakReason,
  tvOnNoKeysReason,
} from './describe-reason';
import { awakeMinutesBetween, isQuietMinute, localMinuteOfDay, MINUTE_MS } from './local-time';
import { attemptsFor, checkAfterMinutes } from './learned-normal';
import { findBrokenRhythm } from './rhythm';
import { tierLadder } from './tier-ladder';
import {
  DEFAULT_TUNING,
  type AlertReason,
  type AwayPeriod,
  type DetectorTuning,
  type WatchCondition,
  type WatchDecision,
  type WatchSettings,
  type WatchState,
} from './types';

const NONE: WatchDecision = { kind: 'none' };

function quietLength(s: WatchSettings): number {
  const d = s.quietEndMinute - s.quietStartMinute;
  return d >= 0 ? d : d + 1440;
}

export function isAwayAt(away: readonly AwayPeriod[], at: number): boolean {
  for (const p of away) if (p.from <= at && at < p.until) return true;
  return false;
}

/**
 * Where silence is counted from: the last sign of life, but never before consent, the end of
 * the latest away period, or the moment a previous alert was settled as "大丈夫でした". Time when
 * engawa could not hear the boxes (`state.blind`) is not silence: the anchor moves later by it.
 */
export function silenceAnchor(settings: WatchSettings, state: WatchState, now: number): number {
  let anchor = Math.max(state.lastSignAt ?? settings.enabledAt, settings.enabledAt, state.settledAt ?? 0);
  for (const p of state.away) if (p.until <= now && p.until > anchor) anchor = p.until;
  if (state.blind) {
    let unheard = 0;
    for (const p of state.blind) unheard += Math.max(0, Math.min(p.until, now) - Math.max(p.from, anchor));
    anchor = Math.min(now, anchor + unheard);
  }
  return anchor;
}

/** Away periods and blind windows together: neither is a silence the rhythm rule may count. */
export function absences(state: WatchState): readonly AwayPeriod[] {
  return state.blind?.length ? [...state.away, ...state.blind] : state.away;
}

function open(condition: WatchCondition, settings: WatchSettings, reason: AlertReason): WatchDecision {
  return { kind: 'open', condition, step: 0, tier: tierLadder(condition, settings)[0]!, reason };
}

/**
 * The one step the watching job should take for a resident now. Deterministic and free of I/O:
 * the same function runs in the server's job, in the simulation and in the offline replay.
 */
export function decideWatchStep(
  settings: WatchSettings,
  state: WatchState,
  now: number,
  tuning: DetectorTuning = DEFAULT_TUNING,
): WatchDecision {
  if (!settings.enabled) return NONE;
  const away = isAwayAt(state.away, now);
  const alert = state.alert;
  if (alert) {
    if (state.lastSignAt !== null && state.lastSignAt > alert.openedAt) {
      return { kind: 'recover', condition: alert.condition };
    }
    if (away || alert.acknowledged || now - alert.stepAt < settings.escalateAfterMinutes * MINUTE_MS) {
      return NONE;
    }
    const ladder = tierLadder(alert.condition, settings);
    const step = alert.step + 1;
    if (step >= ladder.length) return NONE;
    // Past the support worker, family hear only of a silence that has grown long: a resident out
    // with the TV on, or asleep, is usually back before then and the alert recovers unseen.
    if (
      tuning.familyAfterSilenceMinutes > 0 &&
      ladder[alert.step]?.kind === 'support_worker' &&
      now - silenceAnchor(settings, state, now) < tuning.familyAfterSilenceMinutes * MINUTE_MS
    ) {
      return NONE;
    }
    return {
      kind: 'escalate',
      condition: alert.condition,
      step,
      tier: ladder[step]!,
      reason: reasonFor(alert.condition, settings, state, now, tuning),
    };
  }
  // While engawa cannot hear the boxes, no one's silence is evidence.
  if (away || (state.blind && isAwayAt(state.blind, now))) return NONE;

  const anchor = silenceAnchor(settings, state, now);
  const silence = now - anchor;
  if (silence >= settings.thresholdMinutes * MINUTE_MS) {
    return open('no_activity', settings, noActivityReason(anchor, now));
  }

  const tvOn =
    state.lastHeartbeatAt !== null && now - state.lastHeartbeatAt <= tuning.heartbeatGapMinutes * MINUTE_MS;
  if (tvOn) {
    const quietNow = isQuietMinute(localMinuteOfDay(now), settings.quietStartMinute, settings.quietEndMinute);
    const check = state.check !== null && state.check.askedAt >= anchor ? state.check : null;
    if (check && now - check.askedAt >= tuning.checkAnswerMinutes * MINUTE_MS) {
      if (check.attempt >= attemptsFor(state.normal, tuning)) {
        return open('check_unanswered', settings, checkUnansweredReason(anchor, check.attempt));
      }
      if (!quietNow) return { kind: 'ask', attempt: check.attempt + 1 };
    }
    const awake = awakeMinutesBetween(anchor, now, settings.quietStartMinute, settings.quietEndMinute);
    // With a learned normal the checks may wait longer than this backstop, and they are on.
    const backstop = !state.normal || tuning.checkAttempts === 0;
    if (backstop && awake >= settings.noKeyMinutes) {
      return open('tv_on_no_keys', settings, tvOnNoKeysReason(anchor, now));
    }
    const quietMinutes = (now - anchor) / MINUTE_MS - awake;
    const sinceQuietEnd = (localMinuteOfDay(now) - settings.quietEndMinute + 1440) % 1440;
    const wholeNight =
      quietMinutes >= quietLength(settings) && sinceQuietEnd >= tuning.overnightCheckAfterMinutes;
    if (
      !check &&
      !quietNow &&
      tuning.checkAttempts > 0 &&
      (awake >= checkAfterMinutes(state.normal, anchor, tuning) || wholeNight)
    ) {
      if (tuning.greetMinutes > 0) {
        // First a greeting that asks nothing; the question only if no key follows it.
        const greeted = state.greetedAt != null && state.greetedAt >= anchor ? state.greetedAt : null;
        if (greeted === null) return { kind: 'greet' };
        if (now - greeted < tuning.greetMinutes * MINUTE_MS) return NONE;
      }
      return { kind: 'ask', attempt: 1 };
    }
  }

  // A TV left on is the checks' business; the rhythm speaks for a house gone quiet.
  const quietSince = Math.max(anchor, state.lastHeartbeatAt ?? anchor);
  if (!tvOn && now - quietSince >= (tuning.rhythmMinWindowHours + tuning.rhythmMarginHours) * 3_600_000) {
    const broken = findBrokenRhythm(state.rhythm, absences(state), quietSince, now, {
      minDays: tuning.rhythmMinDays,
      minWindowHours: tuning.rhythmMinWindowHours,
      marginHours: tuning.rhythmMarginHours,
      maxSilentDays: tuning.rhythmMaxSilentDays,
    });
    if (broken) return open('rhythm_break', settings, rhythmBreakReason(quietSince, broken));
  }
  return NONE;
}

/** The reason repeated on an escalation step, recomputed so it says how long it has been now. */
function reasonFor(
  condition: WatchCondition,
  settings: WatchSettings,
  state: WatchState,
  now: number,
  tuning: DetectorTuning,
): AlertReason {
  const anchor = silenceAnchor(settings, state, now);
  switch (condition) {
    case 'no_activity':
    case 'rhythm_break':
      return noActivityReason(anchor, now);
    case 'check_unanswered':
      return checkUnansweredReason(anchor, tuning.checkAttempts);
    case 'tv_on_no_keys':
      return tvOnNoKeysReason(anchor, now);
  }
}
