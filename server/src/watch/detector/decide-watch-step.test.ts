import { describe, expect, it } from 'vitest';
import { decideWatchStep } from './decide-watch-step';
import { DEFAULT_SETTINGS, DEFAULT_TUNING, type WatchSettings, type WatchState } from './types';
import {
  acknowledge,
  addAway,
  applyDecision,
  newWatchState,
  recordHeartbeat,
  recordLifeSignIn,
} from './watch-state';

const H = 3_600_000;
const M = 60_000;
// Tokyo midnight, Monday 2 March 2026.
const DAY0 = Date.UTC(2026, 2, 1, 15, 0);
const at = (day: number, hour: number, minute = 0) => DAY0 + day * 24 * H + hour * H + minute * M;

function setup(over: Partial<WatchSettings> = {}): { s: WatchSettings; st: WatchState } {
  const s = { ...DEFAULT_SETTINGS, enabledAt: at(0, 0), contactCount: 2, ...over };
  return { s, st: newWatchState(at(0, 0)) };
}

/** Runs the job every 5 minutes from `from` to `to`, applying each decision; returns the steps. */
function run(s: WatchSettings, st: WatchState, from: number, to: number, tvOn = false) {
  const steps: { at: number; kind: string; condition?: string; tier?: string }[] = [];
  for (let t = from; t <= to; t += 5 * M) {
    if (tvOn) recordHeartbeat(st, t);
    const d = decideWatchStep(s, st, t);
    applyDecision(st, d, t);
    if (d.kind !== 'none') {
      steps.push({
        at: t,
        kind: d.kind,
        ...(d.kind === 'open' || d.kind === 'escalate' ? { condition: d.condition, tier: d.tier.kind } : {}),
      });
    }
  }
  return steps;
}

describe('decideWatchStep', () => {
  it('opens one no-activity alert when silence passes the threshold, then escalates tier by tier', () => {
    const { s, st } = setup({ supportWorkerFirst: false });
    recordLifeSignIn(st, 'keys', at(0, 8));
    const steps = run(s, st, at(0, 8, 5), at(1, 12));
    expect(steps[0]).toMatchObject({ at: at(1, 8), kind: 'open', condition: 'no_activity', tier: 'contact' });
    expect(steps.map((x) => x.tier)).toEqual(['contact', 'contact_and_support_worker', 'city_staff']);
    expect(steps[1]!.at - steps[0]!.at).toBe(60 * M);
  });

  it('sends the first step to the support worker when the hamlet has one', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'order', at(0, 9));
    const steps = run(s, st, at(0, 9, 5), at(1, 9, 30));
    expect(steps[0]).toMatchObject({ condition: 'no_activity', tier: 'support_worker' });
  });

  it('explains the alert in Japanese with the time of the last sign of life', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'keys', at(0, 7, 5));
    const d = decideWatchStep(s, st, at(1, 7, 10));
    expect(d.kind).toBe('open');
    if (d.kind !== 'open') return;
    expect(d.reason.code).toBe('no_activity');
    expect(d.reason.ja).toContain('3月2日 7時05分から24時間');
  });

  it('stays silent during an away period and counts silence from its end', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'keys', at(0, 8));
    addAway(st, { from: at(0, 9), until: at(3, 17) }, at(0, 8, 30));
    expect(run(s, st, at(0, 8, 35), at(4, 16, 55))).toEqual([]);
    const later = run(s, st, at(4, 17), at(4, 17, 30));
    expect(later[0]).toMatchObject({ at: at(4, 17), condition: 'no_activity' });
  });

  it('recovers when a sign of life follows the alert', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'keys', at(0, 8));
    run(s, st, at(1, 8), at(1, 8));
    expect(st.alert?.condition).toBe('no_activity');
    recordLifeSignIn(st, 'handover', at(1, 9));
    expect(decideWatchStep(s, st, at(1, 9, 5))).toEqual({ kind: 'recover', condition: 'no_activity' });
  });

  it('asks "お元気ですか？" when the TV is on long without a key, then opens an alert if unanswered', () => {
    const { s, st } = setup();
    recordHeartbeat(st, at(0, 9));
    const steps = run(s, st, at(0, 9, 5), at(0, 15), true);
    const asks = steps.filter((x) => x.kind === 'ask');
    expect(asks[0]!.at).toBe(at(0, 12));
    expect(asks).toHaveLength(DEFAULT_TUNING.checkAttempts);
    const opened = steps.find((x) => x.kind === 'open');
    expect(opened).toMatchObject({ condition: 'check_unanswered', tier: 'support_worker' });
    expect(opened!.at).toBe(at(0, 12) + DEFAULT_TUNING.checkAttempts * DEFAULT_TUNING.checkAnswerMinutes * M);
  });

  it('an answered check clears the concern', () => {
    const { s, st } = setup();
    recordHeartbeat(st, at(0, 9));
    run(s, st, at(0, 9, 5), at(0, 12), true);
    expect(st.check).not.toBeNull();
    recordLifeSignIn(st, 'keys', at(0, 12, 3));
    expect(st.check).toBeNull();
    expect(run(s, st, at(0, 12, 5), at(0, 14), true)).toEqual([]);
  });

  it('does not ask during quiet hours; after a whole night on without keys it asks an hour after', () => {
    const { s, st } = setup({ quietStartMinute: 21 * 60, quietEndMinute: 6 * 60 });
    recordHeartbeat(st, at(0, 20));
    const steps = run(s, st, at(0, 20, 5), at(1, 7), true);
    expect(steps).toEqual([{ at: at(1, 7), kind: 'ask' }]);
  });

  it('with checks disabled, fires the fixed TV-on-no-keys rule after 6 awake hours', () => {
    const { s, st } = setup();
    recordHeartbeat(st, at(0, 8));
    const steps: string[] = [];
    for (let t = at(0, 8, 5); t <= at(0, 15); t += 5 * M) {
      recordHeartbeat(st, t);
      const d = decideWatchStep(s, st, t, { ...DEFAULT_TUNING, checkAttempts: 0 });
      applyDecision(st, d, t);
      if (d.kind === 'open') steps.push(`${d.condition}@${(t - at(0, 0)) / H}`);
    }
    expect(steps).toEqual(['tv_on_no_keys@14']);
  });

  it('raises a rhythm concern when a strongly regular morning is missed, and says why', () => {
    const { s, st } = setup();
    for (let d = 0; d <= 40; d++) {
      recordLifeSignIn(st, 'keys', at(d, 7));
      recordLifeSignIn(st, 'keys', at(d, 12));
      recordLifeSignIn(st, 'keys', at(d, 19));
    }
    const steps = run(s, st, at(40, 19, 5), at(41, 12));
    expect(steps[0]).toMatchObject({ kind: 'open', condition: 'rhythm_break', tier: 'support_worker' });
    // 7:00 is never missed; one hour of margin past it, the concern is raised.
    expect(steps[0]!.at).toBe(at(41, 9));
    const d = decideWatchStep(s, { ...st, alert: null }, steps[0]!.at);
    expect(d.kind === 'open' && d.reason.ja).toContain('いつもは');
    // Far earlier than the 24 h threshold.
    expect(steps[0]!.at).toBeLessThan(at(41, 12));
  });

  it('learns nothing from too short a history', () => {
    const { s, st } = setup();
    for (let d = 0; d < 5; d++) recordLifeSignIn(st, 'keys', at(d, 7));
    const steps = run(s, st, at(4, 7, 5), at(5, 6, 55));
    expect(steps).toEqual([]);
  });

  it('"大丈夫でした" closes the alert and counts silence from then on', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'keys', at(0, 8));
    run(s, st, at(1, 8), at(1, 8));
    acknowledge(st, 'fine', at(1, 9));
    expect(st.alert).toBeNull();
    expect(run(s, st, at(1, 9), at(2, 8, 55))).toEqual([]);
    expect(run(s, st, at(2, 9), at(2, 9))[0]).toMatchObject({ condition: 'no_activity' });
  });

  it('"訪問します" stops escalation without closing', () => {
    const { s, st } = setup();
    recordLifeSignIn(st, 'keys', at(0, 8));
    run(s, st, at(1, 8), at(1, 8));
    acknowledge(st, 'visiting', at(1, 8, 10));
    expect(run(s, st, at(1, 8, 15), at(1, 20))).toEqual([]);
    expect(st.alert?.acknowledged).toBe(true);
  });

  it('does nothing for a resident who has not opted in', () => {
    const { s, st } = setup({ enabled: false });
    expect(run(s, st, at(0, 0), at(3, 0))).toEqual([]);
  });
});
