import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReplayLog, ReplayError, replayWatchLog } from './replay-watch-log';

const example = fileURLToPath(new URL('../../../../scripts/examples/watch-replay.jsonl', import.meta.url));

describe('replayWatchLog', () => {
  const steps = replayWatchLog(parseReplayLog(readFileSync(example, 'utf8')));

  it('opens a no-activity alert 24 h after the last key, escalates, and recovers on a handover', () => {
    const hanako = steps.filter((s) => s.resident === 'hanako');
    expect(hanako.map((s) => [s.action, s.tier ?? null])).toEqual([
      ['open', 'support_worker'],
      ['escalate', 'contact'],
      ['recover', null],
    ]);
    // Last key 3 March 18:30 Tokyo = 09:30 UTC.
    expect(hanako[0]!.at).toBe('2026-03-04T09:30:00.000Z');
    expect(hanako[0]!.reason).toContain('18時30分から24時間');
  });

  it('asks on screen, then alerts when the TV stays on with no answer', () => {
    const taro = steps.filter((s) => s.resident === 'taro');
    expect(taro.filter((s) => s.action === 'ask')).toHaveLength(4);
    expect(taro.find((s) => s.action === 'open')?.condition).toBe('check_unanswered');
    expect(taro.at(-1)?.action).toBe('recover');
  });

  it('keeps quiet for a resident who is away', () => {
    expect(steps.filter((s) => s.resident === 'ume')).toEqual([]);
  });

  it('rejects lines out of time order and unknown residents with the line number', () => {
    const bad = [
      '{"type":"resident","resident":"a","at":"2026-03-02T00:00:00+09:00"}',
      '{"type":"event","resident":"a","at":"2026-03-01T00:00:00+09:00","kind":"keys"}',
    ].join('\n');
    expect(() => replayWatchLog(parseReplayLog(bad))).toThrow(/line 2: events must be in time order/);
    expect(() =>
      replayWatchLog(
        parseReplayLog('{"type":"event","resident":"x","at":"2026-03-02T00:00:00+09:00","kind":"keys"}'),
      ),
    ).toThrow(ReplayError);
    expect(() => parseReplayLog('{"type":"event"')).toThrow(/line 1: not JSON/);
  });
});
