import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideWatchStep } from './decide-watch-step';
import { nextCheckDue } from './next-check-due';
import { DEFAULT_SETTINGS, type LifeSignKind, type WatchDecision } from './types';
import { addAway, applyDecision, newWatchState, recordHeartbeat, recordLifeSignIn } from './watch-state';

const M = 60_000;
const DAY = 1440;
const START = Date.UTC(2026, 2, 1, 15, 0);
const DAYS = 40;

type Ev = { minute: number; kind: LifeSignKind | 'heartbeat' };

/**
 * Runs the detector every 5 minutes; with `skip`, a tick is left out when nothing new arrived and
 * `nextCheckDue` said nothing could change before then — as the database job does.
 */
function run(events: Ev[], away: [number, number] | null, skip: boolean) {
  const s = { ...DEFAULT_SETTINGS, enabledAt: START, contactCount: 2 };
  const st = newWatchState(START);
  if (away) addAway(st, { from: START + away[0] * M, until: START + away[1] * M }, START);
  const sorted = [...events].sort((a, b) => a.minute - b.minute);
  const out: { at: number; d: WatchDecision }[] = [];
  let i = 0;
  let due = START;
  for (let t = START; t <= START + DAYS * DAY * M; t += 5 * M) {
    let news = false;
    while (i < sorted.length && START + sorted[i]!.minute * M <= t) {
      const e = sorted[i++]!;
      if (e.kind === 'heartbeat') recordHeartbeat(st, START + e.minute * M);
      else recordLifeSignIn(st, e.kind, START + e.minute * M);
      news = true;
    }
    if (skip && !news && t < due) continue;
    const d = decideWatchStep(s, st, t);
    applyDecision(st, d, t);
    due = d.kind === 'none' ? nextCheckDue(s, st, t) : t;
    if (d.kind !== 'none') out.push({ at: t, d });
  }
  return out;
}

/** A daily routine (so the rhythm rule has history to learn from), then random events. */
const routine = (wake: number, stopDay: number): Ev[] =>
  Array.from({ length: stopDay }, (_, d) => [
    { minute: d * DAY + wake, kind: 'keys' as const },
    { minute: d * DAY + wake + 90, kind: 'heartbeat' as const },
    { minute: d * DAY + wake + 600, kind: 'keys' as const },
  ]).flat();

describe('nextCheckDue', () => {
  it('skipping the ticks it allows never changes what the detector decides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 29, max: DAYS }),
        fc.array(
          fc.record({
            minute: fc.integer({ min: 0, max: DAYS * DAY }),
            kind: fc.constantFrom<Ev['kind']>('keys', 'heartbeat', 'order', 'ride'),
          }),
          { maxLength: 80 },
        ),
        fc.option(fc.tuple(fc.integer({ min: 0, max: DAYS * DAY }), fc.integer({ min: 60, max: 3 * DAY }))),
        (wake, stopDay, extra, away) => {
          const events = [...routine(wake, stopDay), ...extra];
          const period: [number, number] | null = away ? [away[0], away[0] + away[1]] : null;
          const full = run(events, period, false);
          expect(run(events, period, true)).toEqual(full);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('puts a quiet house without rhythm history off until the threshold; a TV that is on is checked every pass', () => {
    const s = { ...DEFAULT_SETTINGS, enabledAt: START, contactCount: 1 };
    const st = newWatchState(START);
    recordLifeSignIn(st, 'keys', START + 10 * M);
    const now = START + 20 * M;
    // No history yet, so the rhythm rule cannot fire: only the 24 h threshold can.
    expect(nextCheckDue(s, st, now)).toBe(START + 10 * M + s.thresholdMinutes * M);
    recordHeartbeat(st, now);
    expect(nextCheckDue(s, st, now + 5 * M)).toBe(now + 5 * M);
  });
});
