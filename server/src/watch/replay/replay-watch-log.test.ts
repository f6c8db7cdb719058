import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseReplayLine,
  parseReplayLog,
  ReplayError,
  replayWatchLog,
  WatchReplay,
} from './replay-watch-log';

const example = fileURLToPath(new URL('../../../../scripts/examples/watch-replay.jsonl', import.meta.url));

describe('replayWatchLog', () => {
  const steps = replayWatchLog(parseReplayLog(readFileSync(example, 'utf8')));

  it('opens a no-activity alert 24 h after the last key to the support worker, and recovers on a handover', () => {
    const hanako = steps.filter((s) => s.resident === 'hanako');
    // The family would hear only after 48 h of silence; the handover comes first.
    expect(hanako.map((s) => [s.action, s.tier ?? null])).toEqual([
      ['open', 'support_worker'],
      ['recover', null],
    ]);
    // Last key 3 March 18:30 Tokyo = 09:30 UTC.
    expect(hanako[0]!.at).toBe('2026-03-04T09:30:00.000Z');
    expect(hanako[0]!.reason).toContain('18時30分から24時間');
  });

  it('greets first, then asks on screen, then alerts when the TV stays on with no answer', () => {
    const taro = steps.filter((s) => s.resident === 'taro');
    // The server's detector: a greeting that asks nothing, the question 30 minutes later.
    expect(taro[0]!.action).toBe('greet');
    expect(Date.parse(taro[1]!.at) - Date.parse(taro[0]!.at)).toBe(30 * 60_000);
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

describe('WatchReplay, fed line by line', () => {
  it('gives the same steps as the whole log, and emits them as it goes', () => {
    const text = readFileSync(example, 'utf8');
    const whole = replayWatchLog(parseReplayLog(text));
    const streamed: { step: ReturnType<typeof replayWatchLog>[number]; line: number }[] = [];
    let lineNo = 0;
    const replay = new WatchReplay((step) => streamed.push({ step, line: lineNo }));
    for (const raw of text.split('\n')) {
      lineNo++;
      const line = parseReplayLine(raw, lineNo);
      if (line) replay.push(line, lineNo);
    }
    replay.finish();
    expect(streamed.map((s) => s.step)).toEqual(whole);
    // Steps come out before the last line is read: nothing waits for the end of the file.
    expect(streamed.some((s) => s.line < lineNo)).toBe(true);
  });

  it('checks event lines as strictly as the schema does', () => {
    const ok = parseReplayLine(
      '{"type":"event","resident":"a","at":"2026-03-02T07:10:00+09:00","kind":"keys"}',
      1,
    );
    expect(ok).toEqual({
      type: 'event',
      resident: 'a',
      at: Date.parse('2026-03-01T22:10:00Z'),
      kind: 'keys',
    });
    expect(() =>
      parseReplayLine('{"type":"event","resident":"a","at":"2026-03-02 07:10","kind":"keys"}', 3),
    ).toThrow(/line 3/);
    expect(() =>
      parseReplayLine('{"type":"event","resident":"a","at":"2026-03-02T07:10:00+09:00","kind":"tea"}', 4),
    ).toThrow(/line 4/);
    expect(parseReplayLine('# a comment', 5)).toBeNull();
    // The same event with other spacing, key order or an escaped name reads the same.
    expect(
      parseReplayLine(
        '{ "kind": "keys", "at": "2026-03-02T07:10:00+09:00", "resident": "a", "type": "event" }',
        6,
      ),
    ).toEqual(ok);
    expect(
      parseReplayLine(
        '{"type":"event","resident":"\\u0061","at":"2026-03-02T07:10:00+09:00","kind":"keys"}',
        7,
      ),
    ).toEqual(ok);
  });
});
