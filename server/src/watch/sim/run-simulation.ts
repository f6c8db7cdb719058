import { decideWatchStep } from '../detector/decide-watch-step';
import { DEFAULT_TUNING, type DetectorTuning, type WatchCondition } from '../detector/types';
import {
  acknowledge,
  addAway,
  applyDecision,
  newWatchState,
  recordHeartbeat,
  recordLifeSignIn,
  startLearning,
} from '../detector/watch-state';
import { find, nextFrom } from './intervals';
import { generateResident, type PopulationOptions, type SimResident } from './generate-population';
import { Random } from './random';

const MIN = 60_000;
const DAY = 86_400_000;

export interface SimOptions extends PopulationOptions {
  /** Days before `measureFromDay` are warm-up: residents were already enrolled. */
  measureFromDay: number;
  tickMinutes: number;
  tuning: DetectorTuning;
  /** Learn each resident's normal (learned-normal.ts) from the first day. */
  learn: boolean;
  /**
   * Residents answer greetings and checks, and support workers call back. False is the strict
   * replay: nobody answers anything, so every alert runs up the whole ladder unless a life sign
   * ends it.
   */
  answers: boolean;
  /** Called for each false alert, for diagnostics. */
  onFalseAlert?: (r: SimResident, at: number, condition: WatchCondition) => void;
}

export interface CollapseOutcome {
  resident: number;
  archetype: string;
  tvOn: boolean;
  at: number;
  /** Hours from the collapse to the first alert step, or null if none came before the end. */
  hoursToAlert: number | null;
  condition: WatchCondition | null;
}

export interface RuleCounts {
  alerts: number;
  householdDays: number;
}

export interface SimResult {
  residents: number;
  householdDays: number;
  falseAlerts: number;
  falseByCondition: Record<WatchCondition, number>;
  /** Alerts for residents who were fine that reached the support worker (a local check). */
  localChecks: number;
  /** Of those, how many the support worker settled before anyone else was told. */
  settledLocally: number;
  /** Alerts opened, at any tier, while nothing was wrong. */
  anyoneTold: number;
  checksAsked: number;
  greetings: number;
  /** Support-worker checks for residents who were fine, by the condition that opened them. */
  localByCondition: Record<WatchCondition, number>;
  collapses: CollapseOutcome[];
  baseline24: { falseAlerts: number; collapses: CollapseOutcome[] };
  baseline24and6: { falseAlerts: number; collapses: CollapseOutcome[] };
  unannouncedAbsences: number;
}

/** A peer-style fixed rule, replayed beside the detector for comparison. */
class FixedRule {
  open = false;
  constructor(
    private readonly silenceMs: number,
    private readonly noKeyMs: number | null,
  ) {}
  step(lastSign: number, awayEnd: number, tvOn: boolean, away: boolean, now: number): boolean {
    if (this.open) {
      if (lastSign > this.openedAt) this.open = false;
      return false;
    }
    if (away) return false;
    const anchor = Math.max(lastSign, awayEnd);
    const fire =
      now - anchor >= this.silenceMs || (this.noKeyMs !== null && tvOn && now - anchor >= this.noKeyMs);
    if (fire) {
      this.open = true;
      this.openedAt = now;
    }
    return fire;
  }
  private openedAt = 0;
}

interface Pending {
  at: number;
  kind: 'keys';
}

/** The prompt stays on screen until OK: when would this resident press it, if at all? */
function answerTime(r: SimResident, rng: Random, askedAt: number, windowEnd: number): number | null {
  const iv = r.present[find(r.present, askedAt)] ?? nextFrom(r.present, askedAt);
  if (!iv) return null;
  const seenAt = Math.max(askedAt, iv[0]);
  if (seenAt >= windowEnd) return null;
  // In the next room or hard of hearing: some prompts are simply missed.
  if (!rng.chance(0.92)) return null;
  const at = seenAt + rng.uniform(0.5, 4) * MIN;
  if (at >= iv[1] || find(r.tv, at) < 0) return null;
  return at;
}

export function simulateResident(r: SimResident, o: SimOptions, result: SimResult): void {
  const rng = new Random(o.seed * 7919 + r.id);
  const st = newWatchState(o.start, o.tuning);
  if (o.learn) startLearning(st, o.start);
  const tick = o.tickMinutes * MIN;
  const end = o.start + o.days * DAY;
  const measureFrom = o.start + o.measureFromDay * DAY;
  const collapseAt = r.collapse?.at ?? Infinity;
  const pending: Pending[] = [];
  let ei = 0;
  let ai = 0;
  let tvi = 0;
  let lastSignRaw = o.start;
  let awayEnd = o.start;
  const b24 = new FixedRule(24 * 60 * MIN, null);
  const b246 = new FixedRule(24 * 60 * MIN, 6 * 60 * MIN);
  let detected = false;
  let detected24 = false;
  let detected246 = false;
  const outcome = (hours: number | null, condition: WatchCondition | null): CollapseOutcome => ({
    resident: r.id,
    archetype: r.archetype,
    tvOn: r.collapse!.tvOn,
    at: r.collapse!.at,
    hoursToAlert: hours,
    condition,
  });
  const settings = r.settings;
  let supportReplyAt = Infinity;
  // The peers' fixed rules see only the announced absences, not the ones our worker enters.
  const announced: { from: number; until: number }[] = [];
  const countFalse = (condition: WatchCondition) => {
    result.falseAlerts++;
    result.falseByCondition[condition]++;
    o.onFalseAlert?.(r, now, condition);
  };
  let now = o.start;

  for (; now < end; now += tick) {
    while (ai < r.awaySets.length && r.awaySets[ai]!.setAt <= now) {
      const a = r.awaySets[ai++]!;
      addAway(st, { from: a.from, until: a.until }, now);
      announced.push({ from: a.from, until: a.until });
    }
    for (;;) {
      const e = r.events[ei];
      const p = pending[0];
      if (e && e.at <= now && (!p || e.at <= p.at)) {
        recordLifeSignIn(st, e.kind, e.at, r.settings, o.tuning);
        lastSignRaw = Math.max(lastSignRaw, e.at);
        ei++;
      } else if (p && p.at <= now) {
        recordLifeSignIn(st, p.kind, p.at, r.settings, o.tuning);
        lastSignRaw = Math.max(lastSignRaw, p.at);
        pending.shift();
      } else break;
    }
    while (tvi < r.tv.length && r.tv[tvi]![1] <= now) tvi++;
    const tvIv = r.tv[tvi];
    const tvOn = tvIv !== undefined && tvIv[0] <= now;
    if (tvIv && tvIv[0] <= now && tvIv[0] > now - tick) {
      recordHeartbeat(st, tvIv[0], o.tuning);
      lastSignRaw = Math.max(lastSignRaw, tvIv[0]);
    }
    if (tvOn) recordHeartbeat(st, now, o.tuning);

    if (supportReplyAt <= now) {
      supportReplyAt = Infinity;
      // The worker phones or looks in: fine if the resident is at home, and often knows where
      // they went if not.
      const outAt = find(r.out, now);
      if (st.alert && now < collapseAt && (outAt < 0 || rng.chance(0.7))) {
        acknowledge(st, 'fine', now);
        // Knowing where they went, the worker enters the absence with its return date.
        if (outAt >= 0) addAway(st, { from: now, until: r.out[outAt]![1] }, now);
        if (now >= measureFrom) result.settledLocally++;
      }
    }
    const d = decideWatchStep(settings, st, now, o.tuning);
    applyDecision(st, d, now, o.tuning);
    const measured = now >= measureFrom && now < collapseAt;
    if (d.kind === 'greet') {
      if (measured) result.greetings++;
      // A greeting asks nothing: some residents press a key in reply, many do not.
      const at =
        o.answers && rng.chance(0.6) ? answerTime(r, rng, now, now + o.tuning.greetMinutes * MIN) : null;
      if (at !== null && at < collapseAt) pending.push({ at, kind: 'keys' });
    } else if (d.kind === 'ask') {
      if (measured) result.checksAsked++;
      const at = o.answers ? answerTime(r, rng, now, now + o.tuning.checkAnswerMinutes * MIN) : null;
      if (at !== null && at < collapseAt) pending.push({ at, kind: 'keys' });
    } else if (d.kind === 'escalate' && measured && d.step === 1 && d.tier.kind !== 'city_staff') {
      // The support worker could not settle it: now the family is told.
      countFalse(d.condition);
    } else if (d.kind === 'open') {
      if (measured) {
        result.anyoneTold++;
        if (d.tier.kind === 'support_worker') {
          result.localChecks++;
          result.localByCondition[d.condition]++;
          if (o.answers) supportReplyAt = now + rng.uniform(10, 60) * MIN;
        } else countFalse(d.condition);
      } else if (now >= collapseAt && !detected) {
        detected = true;
        result.collapses.push(outcome((now - collapseAt) / (60 * MIN), d.condition));
      }
    }
    if (st.alert && now >= collapseAt && !detected) {
      // An alert already open when the collapse happened: it is the alert that finds them.
      detected = true;
      result.collapses.push(outcome(0, st.alert.condition));
    }

    for (const a of announced) if (a.until <= now && a.until > awayEnd) awayEnd = a.until;
    const away = announced.some((a) => a.from <= now && now < a.until);
    const f24 = b24.step(lastSignRaw, awayEnd, tvOn, away, now);
    const f246 = b246.step(lastSignRaw, awayEnd, tvOn, away, now);
    if (measured) {
      if (f24) result.baseline24.falseAlerts++;
      if (f246) result.baseline24and6.falseAlerts++;
    } else if (now >= collapseAt) {
      if (f24 && !detected24) {
        detected24 = true;
        result.baseline24.collapses.push(outcome((now - collapseAt) / (60 * MIN), 'no_activity'));
      }
      if (f246 && !detected246) {
        detected246 = true;
        result.baseline24and6.collapses.push(outcome((now - collapseAt) / (60 * MIN), 'tv_on_no_keys'));
      }
    }
  }
  if (r.collapse && !detected) result.collapses.push(outcome(null, null));
  if (r.collapse && !detected24) result.baseline24.collapses.push(outcome(null, null));
  if (r.collapse && !detected246) result.baseline24and6.collapses.push(outcome(null, null));
  const lastDay = Math.min(o.days, Math.ceil((Math.min(collapseAt, end) - o.start) / DAY));
  result.householdDays += Math.max(0, lastDay - o.measureFromDay);
  result.unannouncedAbsences += r.unannouncedAbsences;
}

export function emptyResult(residents: number): SimResult {
  return {
    residents,
    householdDays: 0,
    falseAlerts: 0,
    falseByCondition: { no_activity: 0, rhythm_break: 0, check_unanswered: 0, tv_on_no_keys: 0 },
    localChecks: 0,
    settledLocally: 0,
    anyoneTold: 0,
    checksAsked: 0,
    greetings: 0,
    localByCondition: { no_activity: 0, rhythm_break: 0, check_unanswered: 0, tv_on_no_keys: 0 },
    collapses: [],
    baseline24: { falseAlerts: 0, collapses: [] },
    baseline24and6: { falseAlerts: 0, collapses: [] },
    unannouncedAbsences: 0,
  };
}

export function runSimulation(o: SimOptions): SimResult {
  const result = emptyResult(o.residents);
  for (let id = 0; id < o.residents; id++) simulateResident(generateResident(id, o), o, result);
  return result;
}

export const DEFAULT_SIM: SimOptions = {
  seed: 20260105,
  residents: 1000,
  // Tokyo midnight, Monday 5 January 2026.
  start: Date.UTC(2026, 0, 4, 15, 0),
  days: 120,
  measureFromDay: 56,
  collapseFromDay: 56,
  collapseToDay: 116,
  collapseShare: 0.35,
  tickMinutes: 5,
  tuning: DEFAULT_TUNING,
  learn: false,
  answers: true,
};
