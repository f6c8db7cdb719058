import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideWatchStep } from './decide-watch-step';
import {
  attemptsFor,
  checkAfterMinutes,
  emptyNormal,
  learnAnswered,
  learnAsked,
  learnFromPresence,
  type PresenceSlot,
} from './learned-normal';
import { decodeNormal, encodeRuns } from '../normal-codec';
import { DEFAULT_SETTINGS, DEFAULT_TUNING, LEARNING_TUNING, type WatchDecision } from './types';
import {
  applyDecision,
  newWatchState,
  recordHeartbeat,
  recordLifeSignIn,
  startLearning,
} from './watch-state';

const H = 3_600_000;
const M = 60_000;
// Tokyo midnight, Monday 2 March 2026.
const DAY0 = Date.UTC(2026, 2, 1, 15, 0);
const at = (day: number, hour: number, minute = 0) => DAY0 + day * 24 * H + hour * H + minute * M;
const settings = { ...DEFAULT_SETTINGS, enabledAt: at(0, 0), contactCount: 2 };
const T = LEARNING_TUNING;

/** The TV on from `from` to `to` with one key press at `from`; returns the steps taken. */
function watchWithoutKeys(st: ReturnType<typeof newWatchState>, from: number, to: number) {
  const steps: { at: number; d: WatchDecision }[] = [];
  recordHeartbeat(st, from, T);
  recordLifeSignIn(st, 'keys', from, settings, T);
  for (let t = from; t <= to; t += 5 * M) {
    recordHeartbeat(st, t, T);
    const d = decideWatchStep(settings, st, t, T);
    applyDecision(st, d, t, T);
    if (d.kind !== 'none') steps.push({ at: t, d });
  }
  return steps;
}

describe('learned normal', () => {
  it('without anything learned, greets after the fixed minimum and asks 30 minutes later', () => {
    const st = newWatchState(at(0, 0));
    startLearning(st, at(0, 0));
    const steps = watchWithoutKeys(st, at(0, 9), at(0, 13));
    expect(steps[0]).toEqual({ at: at(0, 12), d: { kind: 'greet' } });
    expect(steps[1]).toEqual({ at: at(0, 12, 30), d: { kind: 'ask', attempt: 1 } });
  });

  it('an answered check at a long silence raises this resident’s threshold at that hour only', () => {
    const st = newWatchState(at(0, 0));
    startLearning(st, at(0, 0));
    // Monday: TV from 9:00, greeted at 12:00, asked at 12:30, answered at 12:40.
    watchWithoutKeys(st, at(0, 9), at(0, 12, 35));
    recordLifeSignIn(st, 'keys', at(0, 12, 40), settings, T);
    const learned = checkAfterMinutes(st.normal, at(1, 9), T);
    expect(learned).toBeCloseTo(220 * 1.2 + 30, 0);
    // Tuesday at 9: no greeting before the learned stretch; at 15:00 the fixed minimum still holds.
    const tuesday = watchWithoutKeys(st, at(1, 9), at(1, 14));
    expect(tuesday[0]!.d.kind).toBe('greet');
    expect(tuesday[0]!.at).toBeGreaterThanOrEqual(at(1, 9) + learned * M);
    expect(checkAfterMinutes(st.normal, at(1, 15), T)).toBe(T.checkAfterMinutes);
    expect(st.normal!.answered).toBeGreaterThan(0);
  });

  it('forgets: a stretch learned three weeks ago counts half', () => {
    const n = emptyNormal(at(0, 0));
    n.noKeyRun[9] = 400;
    learnAsked(n, at(21, 9), T);
    expect(n.noKeyRun[9]).toBeCloseTo(200, 5);
  });

  it('opens after two unanswered asks for a resident who nearly always answers, four otherwise', () => {
    const n = emptyNormal(at(0, 0));
    expect(attemptsFor(n, T)).toBe(T.checkAttempts);
    for (let i = 0; i < 5; i++) {
      learnAsked(n, at(0, 10), T);
      learnAnswered(n, at(0, 10), T);
    }
    expect(attemptsFor(n, T)).toBe(2);
    expect(attemptsFor(undefined, T)).toBe(T.checkAttempts);
  });

  it('tells the family only once the silence is long, and never before the support worker', () => {
    const st = newWatchState(at(0, 0));
    const s = { ...settings, thresholdMinutes: 6 * 60 };
    recordLifeSignIn(st, 'keys', at(0, 8), s, T);
    const steps: { at: number; d: WatchDecision }[] = [];
    for (let t = at(0, 8); t <= at(2, 9); t += 5 * M) {
      const d = decideWatchStep(s, st, t, T);
      applyDecision(st, d, t, T);
      if (d.kind !== 'none') steps.push({ at: t, d });
    }
    expect(steps[0]).toMatchObject({ at: at(0, 14), d: { kind: 'open', tier: { kind: 'support_worker' } } });
    // Default tuning would escalate at 15:00; learning waits for 48 h of silence (8:00 two days on).
    expect(steps[1]).toMatchObject({ at: at(2, 8), d: { kind: 'escalate', step: 1 } });
  });

  it('property: whatever it learned, a TV left on with nobody answering is alerted within 12 h of awake time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 48, maxLength: 48 }),
        fc.integer({ min: 0, max: 2 }),
        (runs, startHour) => {
          const st = newWatchState(at(0, 0));
          startLearning(st, at(0, 0));
          st.normal!.noKeyRun = runs;
          const from = at(0, 6 + startHour);
          const steps = watchWithoutKeys(st, from, from + 15 * H);
          const opened = steps.find((x) => x.d.kind === 'open');
          expect(opened).toBeDefined();
          // Started 6:00–8:00, so the whole way up the ladder fits before quiet hours (21:00).
          expect(opened!.at - from).toBeLessThanOrEqual(
            (T.maxCheckAfterMinutes + T.greetMinutes + T.checkAttempts * T.checkAnswerMinutes + 5) * M,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves the server’s fixed detector as it was: no greeting, no learning without a normal', () => {
    const st = newWatchState(at(0, 0));
    recordHeartbeat(st, at(0, 9));
    recordLifeSignIn(st, 'keys', at(0, 9));
    for (let t = at(0, 9); t <= at(0, 12); t += 5 * M) recordHeartbeat(st, t);
    expect(decideWatchStep(settings, st, at(0, 12), DEFAULT_TUNING)).toEqual({ kind: 'ask', attempt: 1 });
    expect(st.normal).toBeUndefined();
  });

  it('learns from stored presence as the daily job sees it: TV on at 9:00, no key until 13:00', () => {
    const slot = (t: number) => Math.floor(t / (15 * M));
    const slots: PresenceSlot[] = [];
    // Switched on 9:00, keys in the 9:00 slot; TV alone until the key slot at 13:00.
    slots.push({ slot: slot(at(0, 9)), flags: 3 });
    for (let t = at(0, 9, 15); t < at(0, 13); t += 15 * M) slots.push({ slot: slot(t), flags: 1 });
    slots.push({ slot: slot(at(0, 13)), flags: 3 });
    // Later: the TV off for an hour, then on alone until 20:00 — never ended by a key, so nothing.
    for (let t = at(0, 15); t < at(0, 20); t += 15 * M) slots.push({ slot: slot(t), flags: 1 });
    const n = emptyNormal(at(0, 0));
    learnFromPresence(n, settings, slots, T);
    // From the end of the 9:00 slot to the start of the 13:00 slot: 225 minutes, never more.
    expect(n.noKeyRun[9]).toBe(225);
    expect(n.noKeyRun.filter((x) => x > 0)).toHaveLength(1);
    expect(checkAfterMinutes(n, at(7, 9), T)).toBeCloseTo(225 * 1.2 + 30, 5);
  });

  it('a gap in the TV’s presence ends a stretch: the key after it teaches nothing', () => {
    const slot = (t: number) => Math.floor(t / (15 * M));
    const n = emptyNormal(at(0, 0));
    learnFromPresence(
      n,
      settings,
      [
        { slot: slot(at(0, 9)), flags: 1 },
        { slot: slot(at(0, 9, 15)), flags: 1 },
        { slot: slot(at(0, 12)), flags: 3 },
      ],
      T,
    );
    expect(n.noKeyRun.every((x) => x === 0)).toBe(true);
  });

  it('stores the runs in 96 bytes and reads them back to the minute', () => {
    const runs = Array.from({ length: 48 }, (_, i) => i * 37.4);
    const blob = encodeRuns(runs);
    expect(blob.length).toBe(96);
    const n = decodeNormal(123, blob, 2.5, 1.25);
    expect(n).toEqual({ day: 123, noKeyRun: runs.map((x) => Math.round(x)), asked: 2.5, answered: 1.25 });
  });
});
