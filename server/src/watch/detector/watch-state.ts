import { emptyNormal, learnAnswered, learnAsked, learnNoKeyRun } from './learned-normal';
import { markSignOfLife, emptyRhythm } from './rhythm';
import { MINUTE_MS } from './local-time';
import {
  DEFAULT_TUNING,
  type AwayPeriod,
  type DetectorTuning,
  type LifeSignKind,
  type WatchDecision,
  type WatchSettings,
  type WatchState,
} from './types';

/*
 * Reducers for the detector's compact state. They update the state in place (a detection pass
 * over 100,000 residents must not copy it) and, like the detector, do no I/O.
 */

export function newWatchState(at: number, tuning: DetectorTuning = DEFAULT_TUNING): WatchState {
  return {
    lastSignAt: null,
    lastHeartbeatAt: null,
    check: null,
    away: [],
    rhythm: emptyRhythm(at, tuning.rhythmDays),
    alert: null,
    settledAt: null,
  };
}

export function recordSign(state: WatchState, at: number): void {
  if (state.lastSignAt === null || at > state.lastSignAt) state.lastSignAt = at;
  markSignOfLife(state.rhythm, at);
}

/** A TV heartbeat: switching the TV on is a sign of life, staying on is not. */
export function recordHeartbeat(
  state: WatchState,
  at: number,
  tuning: DetectorTuning = DEFAULT_TUNING,
): void {
  const wasOff =
    state.lastHeartbeatAt === null || at - state.lastHeartbeatAt > tuning.heartbeatGapMinutes * MINUTE_MS;
  if (wasOff) recordSign(state, at);
  // The rhythm learns when the TV is usually on, not only when keys are pressed.
  else markSignOfLife(state.rhythm, at);
  if (state.lastHeartbeatAt === null || at > state.lastHeartbeatAt) state.lastHeartbeatAt = at;
}

/** Starts learning this resident's normal (the detector then asks by it: learned-normal.ts). */
export function startLearning(state: WatchState, at: number): void {
  state.normal ??= emptyNormal(at);
}

/**
 * A key press, an order, a ride, a confirmed reminder or an in-person handover. With `settings`
 * and a learned normal, a key after a stretch of TV without one teaches the detector that such a
 * stretch is normal for this resident, and an answered greeting or check is counted.
 */
export function recordLifeSignIn(
  state: WatchState,
  kind: LifeSignKind,
  at: number,
  settings?: WatchSettings,
  tuning: DetectorTuning = DEFAULT_TUNING,
): void {
  const answers = kind === 'keys' || kind === 'reminder_confirmed';
  const n = state.normal;
  if (n && settings && answers) {
    const tvOn =
      state.lastHeartbeatAt !== null && at - state.lastHeartbeatAt <= tuning.heartbeatGapMinutes * MINUTE_MS;
    const runFrom = Math.max(state.lastSignAt ?? settings.enabledAt, settings.enabledAt);
    if (tvOn && at > runFrom) learnNoKeyRun(n, settings, runFrom, at, tuning);
    if (state.check || state.greetedAt != null) learnAnswered(n, at, tuning);
  }
  recordSign(state, at);
  // Any key answers the on-screen check (and the greeting before it).
  if (answers) {
    state.check = null;
    state.greetedAt = null;
  }
}

export function addAway(state: WatchState, period: AwayPeriod, now: number, keepDays = 60): void {
  const horizon = now - keepDays * 86_400_000;
  state.away = state.away.filter((p) => p.until > horizon);
  state.away.push(period);
}

/** Applies the detector's decision, as the job does after it has recorded the step. */
export function applyDecision(
  state: WatchState,
  decision: WatchDecision,
  now: number,
  tuning: DetectorTuning = DEFAULT_TUNING,
): void {
  switch (decision.kind) {
    case 'none':
      return;
    case 'greet':
      state.greetedAt = now;
      if (state.normal) learnAsked(state.normal, now, tuning);
      return;
    case 'ask':
      // A question after a greeting is the same episode: counted once, when it began.
      if (state.normal && decision.attempt === 1 && state.greetedAt == null)
        learnAsked(state.normal, now, tuning);
      state.check = { askedAt: now, attempt: decision.attempt };
      return;
    case 'open':
      state.alert = {
        condition: decision.condition,
        openedAt: now,
        step: 0,
        stepAt: now,
        acknowledged: false,
      };
      state.check = null;
      state.greetedAt = null;
      return;
    case 'escalate':
      if (state.alert) {
        state.alert.step = decision.step;
        state.alert.stepAt = now;
      }
      return;
    case 'recover':
      state.alert = null;
      return;
  }
}

export type Acknowledgement = 'reached' | 'visiting' | 'fine';

/** "連絡がとれました" / "訪問します" stop escalation; "大丈夫でした" closes the alert. */
export function acknowledge(state: WatchState, kind: Acknowledgement, now: number): void {
  if (!state.alert) return;
  if (kind === 'fine') {
    state.alert = null;
    state.settledAt = now;
  } else {
    state.alert.acknowledged = true;
  }
}
