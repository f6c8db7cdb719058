import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityKind } from '../api/watch.js';
import { ApiError } from '../api/client.js';
import { startActivityReporter, type ActivityReporter } from './reportActivity.js';
import { keepUnsent, parseUnsent, UNSENT_MAX, type UnsentActivity } from './unsentActivity.js';

let sent: Array<{ kind: ActivityKind; at: number }>;
let reporter: ActivityReporter | undefined;

function start(send?: (kind: ActivityKind) => Promise<unknown>) {
  reporter = startActivityReporter({
    now: () => Date.now(),
    send:
      send ??
      ((kind) => {
        sent.push({ kind, at: Date.now() });
        return Promise.resolve();
      }),
  });
  return reporter;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  sent = [];
});

afterEach(() => {
  reporter?.stop();
  vi.useRealTimers();
});

const kinds = (kind: ActivityKind) => sent.filter((s) => s.kind === kind).map((s) => s.at);

describe('startActivityReporter', () => {
  it('sends a heartbeat at start and every 5 minutes', () => {
    start();
    vi.advanceTimersByTime(16 * 60_000);
    expect(kinds('heartbeat')).toEqual([0, 300_000, 600_000, 900_000]);
  });

  it('reports key presses at once, then at most once per minute', () => {
    const r = start();
    vi.advanceTimersByTime(10_000);
    r.keyPressed();
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(1_000);
      r.keyPressed();
    }
    vi.advanceTimersByTime(5 * 60_000);
    expect(kinds('keys')).toEqual([10_000, 70_000]);
  });

  it('sends nothing about keys when no key is pressed', () => {
    start();
    vi.advanceTimersByTime(30 * 60_000);
    expect(kinds('keys')).toEqual([]);
  });

  it('keeps reporting while sends fail', async () => {
    let attempts = 0;
    const r = start(() => {
      attempts++;
      return Promise.reject(new Error('offline'));
    });
    r.keyPressed();
    vi.advanceTimersByTime(5 * 60_000);
    await vi.runOnlyPendingTimersAsync();
    expect(attempts).toBeGreaterThanOrEqual(3);
  });

  it('stops all reports when stopped', () => {
    const r = start();
    r.keyPressed();
    vi.advanceTimersByTime(30_000);
    r.keyPressed();
    r.stop();
    vi.advanceTimersByTime(60 * 60_000);
    expect(sent.map((s) => s.at)).toEqual([0, 0]);
  });

  it('keeps unsent activity through an outage and sends it with its time once the server answers, oldest first, each once', async () => {
    let up = false;
    const posts: Array<{ kind: ActivityKind; at?: string }> = [];
    const storage = new Map<string, string>();
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const send = (kind: ActivityKind, at?: string) => {
      if (!up) return Promise.reject(new ApiError(0, 'network', 'offline'));
      posts.push({ kind, at });
      return Promise.resolve();
    };
    const options = { send, now: () => Date.now(), wallNow: () => Date.now(), storage: store };
    reporter = startActivityReporter(options);
    await vi.advanceTimersByTimeAsync(60_000);
    reporter.keyPressed(); // keys at 60 s
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    reporter.keyPressed(); // keys again at 300 s, in the next slot
    await vi.advanceTimersByTimeAsync(10 * 60_000); // heartbeats at 300, 600, 900 s fail too
    // A reload keeps what was not sent.
    reporter.stop();
    reporter = startActivityReporter(options); // its start heartbeat at 900 s fails: same slot as the last
    await vi.advanceTimersByTimeAsync(0);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(reporter.unsent.map((u) => [u.kind, u.at])).toEqual([
      ['heartbeat', 0],
      ['keys', 60_000],
      ['heartbeat', 300_000],
      ['keys', 300_000],
      ['heartbeat', 600_000],
      ['heartbeat', 900_000],
    ]);

    up = true;
    await vi.advanceTimersByTimeAsync(5 * 60_000); // the 1,200 s heartbeat gets through
    expect(posts).toEqual([
      { kind: 'heartbeat', at: undefined },
      { kind: 'heartbeat', at: iso(0) },
      { kind: 'keys', at: iso(60_000) },
      { kind: 'heartbeat', at: iso(300_000) },
      { kind: 'keys', at: iso(300_000) },
      { kind: 'heartbeat', at: iso(600_000) },
      { kind: 'heartbeat', at: iso(900_000) },
    ]);
    expect(reporter.unsent).toEqual([]);
    expect(JSON.parse(storage.get('engawa.unsentActivity')!)).toEqual([]);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(posts.filter((p) => p.at !== undefined)).toHaveLength(6);
  });

  it('drops activity the server refuses instead of retrying it for ever', async () => {
    let refuse = true;
    const posts: string[] = [];
    reporter = startActivityReporter({
      now: () => Date.now(),
      send: (kind, at) => {
        if (at === undefined && refuse) return Promise.reject(new ApiError(503, 'http_503', 'down'));
        if (at !== undefined) return Promise.reject(new ApiError(400, 'invalid_request', 'too old'));
        posts.push(kind);
        return Promise.resolve();
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(reporter.unsent).toHaveLength(1);
    refuse = false;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(reporter.unsent).toEqual([]);
    expect(posts).toEqual(['heartbeat']);
  });
});

describe('keepUnsent', () => {
  it('keeps one entry per 5-minute slot and kind, a day at most, oldest first', () => {
    const day = 24 * 3_600_000;
    let list: UnsentActivity[] = [];
    list = keepUnsent(list, { kind: 'keys', at: 10_000 }, 10_000);
    list = keepUnsent(list, { kind: 'keys', at: 200_000 }, 200_000);
    list = keepUnsent(list, { kind: 'heartbeat', at: 100_000 }, 200_000);
    expect(list).toEqual([
      { kind: 'heartbeat', at: 100_000 },
      { kind: 'keys', at: 200_000 },
    ]);
    list = keepUnsent(list, { kind: 'heartbeat', at: day + 150_000 }, day + 150_000);
    expect(list).toEqual([
      { kind: 'keys', at: 200_000 },
      { kind: 'heartbeat', at: day + 150_000 },
    ]);
    for (let t = 0; t < 3 * day; t += 60_000) list = keepUnsent(list, { kind: 'heartbeat', at: t }, t);
    expect(list).toHaveLength(UNSENT_MAX / 2 + 1);
    expect(parseUnsent(JSON.stringify(list))).toEqual(list);
    expect(parseUnsent('not json')).toEqual([]);
    expect(parseUnsent('[{"kind":"tv","at":1},{"kind":"keys","at":"x"}]')).toEqual([]);
  });
});
