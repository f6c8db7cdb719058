import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideWatchStep } from './decide-watch-step';
import { DEFAULT_SETTINGS, type LifeSignKind, type WatchDecision } from './types';
import { addAway, applyDecision, newWatchState, recordHeartbeat, recordLifeSignIn } from './watch-state';

const M = 60_000;
const START = Date.UTC(2026, 2, 1, 15, 0);

const eventArb = fc.record({
  minute: fc.integer({ min: 0, max: 10 * 1440 }),
  kind: fc.constantFrom<LifeSignKind | 'heartbeat'>('keys', 'heartbeat', 'order', 'handover', 'ride'),
});

function replay(events: { minute: number; kind: LifeSignKind | 'heartbeat' }[], away?: [number, number]) {
  const s = { ...DEFAULT_SETTINGS, enabledAt: START, contactCount: 2 };
  const st = newWatchState(START);
  if (away) addAway(st, { from: START + away[0] * M, until: START + away[1] * M }, START);
  const sorted = [...events].sort((a, b) => a.minute - b.minute);
  const out: { at: number; d: WatchDecision; alertOpen: boolean }[] = [];
  let i = 0;
  for (let t = START; t <= START + 11 * 1440 * M; t += 5 * M) {
    while (i < sorted.length && START + sorted[i]!.minute * M <= t) {
      const e = sorted[i++]!;
      if (e.kind === 'heartbeat') recordHeartbeat(st, START + e.minute * M);
      else recordLifeSignIn(st, e.kind, START + e.minute * M);
    }
    const alertOpen = st.alert !== null;
    const d = decideWatchStep(s, st, t);
    applyDecision(st, d, t);
    out.push({ at: t, d, alertOpen });
  }
  return out;
}

describe('detector properties', () => {
  it('is deterministic: the same events give the same steps', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        expect(replay(events)).toEqual(replay(events));
      }),
      { numRuns: 30 },
    );
  });

  it('never opens an alert while one is open, and only recovers an open one', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        for (const { d, alertOpen } of replay(events)) {
          if (d.kind === 'open') expect(alertOpen).toBe(false);
          if (d.kind === 'recover' || d.kind === 'escalate') expect(alertOpen).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('opens nothing inside an away period', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 5 * 1440 }),
        fc.integer({ min: 60, max: 4 * 1440 }),
        (events, from, length) => {
          for (const { at, d } of replay(events, [from, from + length])) {
            const inside = at >= START + from * M && at < START + (from + length) * M;
            if (inside) expect(d.kind === 'open' || d.kind === 'escalate').toBe(false);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a resident who presses a key every few hours never gets an alert', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 240 }), fc.integer({ min: 0, max: 1439 }), (gap, offset) => {
        const events = [];
        for (let m = offset; m < 11 * 1440; m += gap) events.push({ minute: m, kind: 'keys' as const });
        expect(replay(events).filter(({ d }) => d.kind === 'open')).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
