import { markSignOfLife, emptyRhythm } from './rhythm';
import { MINUTE_MS } from './local-time';
import {
  DEFAULT_TUNING,
  type AwayPeriod,
  type DetectorTuning,
  type LifeSignKind,
  type WatchDecision,
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

/** A key press, an order, a ride, a confirmed reminder or an in-person handover. */
export function recordLifeSignIn(state: WatchState, kind: LifeSignKind, at: number): void {
  recordSign(state, at);
  // Any key answers the on-screen check.
  if (kind === 'keys' || kind === 'reminder_confirmed') state.check = null;
}

export function addAway(state: WatchState, period: AwayPeriod, now: number, keepDays = 60): void {
  const horizon = now - keepDays * 86_400_000;
  state.away = state.away.filter((p) => p.until > horizon);
  state.away.push(period);
}

/** Applies the detector's decision, as the job does after it has recorded the step. */
export function applyDecision(state: WatchState, decision: WatchDecision, now: number): void {
  switch (decision.kind) {
    case 'none':
      return;
    case 'ask':
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
