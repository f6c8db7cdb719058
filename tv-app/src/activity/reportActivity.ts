import type { ActivityKind } from '../api/watch.js';
import {
  isRetryable,
  keepUnsent,
  parseUnsent,
  UNSENT_STORAGE_KEY,
  type UnsentActivity,
} from './unsentActivity.js';

export interface ActivityReporterOptions {
  /** `at` (ISO 8601) is given only for activity sent late, after the server could not be reached. */
  send(kind: ActivityKind, at?: string): Promise<unknown>;
  /** Monotonic milliseconds (performance.now in the app, the fake clock in tests). */
  now(): number;
  /** The box's wall clock, epoch ms (Date.now in the app): when unsent activity happened. */
  wallNow?(): number;
  /** Where unsent activity survives a reload (localStorage in the app); none: memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  heartbeatMs?: number;
  keysMinIntervalMs?: number;
}

export interface ActivityReporter {
  /** Call on every key press; reports at most once per interval. */
  keyPressed(): void;
  stop(): void;
  /** Activity not yet delivered, oldest first. */
  readonly unsent: readonly UnsentActivity[];
}

export const HEARTBEAT_MS = 5 * 60_000;
export const KEYS_MIN_INTERVAL_MS = 60_000;

/**
 * Tells the watching service the TV is in use: a heartbeat on start and every 5 minutes, and "keys"
 * at most once a minute while the remote is used. What cannot be delivered (network out, server
 * down) is kept, one entry per 5-minute slot and kind for up to a day, across reloads, and sent
 * with its time, oldest first and each once, as soon as the server answers again: an outage must not
 * look like a resident who stopped using the TV. A refusal (4xx) is dropped, not retried.
 */
export function startActivityReporter(options: ActivityReporterOptions): ActivityReporter {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const minInterval = options.keysMinIntervalMs ?? KEYS_MIN_INTERVAL_MS;
  const wallNow = options.wallNow ?? (() => Date.now());
  const storage = options.storage ?? null;

  let unsent = parseUnsent(read());
  let flushing = false;
  let stopped = false;

  function read(): string | null {
    try {
      return storage?.getItem(UNSENT_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
  const save = () => {
    try {
      storage?.setItem(UNSENT_STORAGE_KEY, JSON.stringify(unsent));
    } catch {
      // Storage full or disabled: the list still lives in memory until the page goes.
    }
  };
  const keep = (entry: UnsentActivity) => {
    unsent = keepUnsent(unsent, entry, wallNow());
    save();
  };
  const forget = (entry: UnsentActivity) => {
    unsent = unsent.filter((u) => u !== entry);
    save();
  };

  /** Sends what is waiting, oldest first; stops at the first failure that is worth retrying. */
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      while (!stopped && unsent.length > 0) {
        const entry = unsent[0]!;
        try {
          await options.send(entry.kind, new Date(entry.at).toISOString());
        } catch (error) {
          if (isRetryable(error)) return;
        }
        forget(entry);
      }
    } finally {
      flushing = false;
    }
  };

  const send = (kind: ActivityKind) => {
    const at = wallNow();
    options.send(kind).then(
      () => void flush(),
      (error: unknown) => {
        if (isRetryable(error)) keep({ kind, at });
      },
    );
  };

  let lastKeysSentAt = -Infinity;
  let pendingKeys: ReturnType<typeof setTimeout> | undefined;

  send('heartbeat');
  const heartbeat = setInterval(() => send('heartbeat'), heartbeatMs);

  const sendKeys = () => {
    pendingKeys = undefined;
    lastKeysSentAt = options.now();
    send('keys');
  };

  return {
    keyPressed() {
      if (pendingKeys !== undefined) return;
      const wait = lastKeysSentAt + minInterval - options.now();
      if (wait <= 0) sendKeys();
      else pendingKeys = setTimeout(sendKeys, wait);
    },
    stop() {
      stopped = true;
      clearInterval(heartbeat);
      if (pendingKeys !== undefined) clearTimeout(pendingKeys);
      pendingKeys = undefined;
    },
    get unsent() {
      return unsent;
    },
  };
}
