import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityKind } from '../api/watch.js';
import { startActivityReporter, type ActivityReporter } from './reportActivity.js';

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

  it('ignores failures and keeps reporting', async () => {
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
});
