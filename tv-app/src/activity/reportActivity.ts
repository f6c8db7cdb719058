import type { ActivityKind } from '../api/watch.js';

export interface ActivityReporterOptions {
  send(kind: ActivityKind): Promise<unknown>;
  /** Monotonic milliseconds (performance.now in the app, the fake clock in tests). */
  now(): number;
  heartbeatMs?: number;
  keysMinIntervalMs?: number;
}

export interface ActivityReporter {
  /** Call on every key press; reports at most once per interval. */
  keyPressed(): void;
  stop(): void;
}

export const HEARTBEAT_MS = 5 * 60_000;
export const KEYS_MIN_INTERVAL_MS = 60_000;

/**
 * Tells the watching service the TV is in use: a heartbeat on start and every 5 minutes, and "keys"
 * at most once a minute while the remote is used. Failures are dropped, not queued: a missed report
 * only matters if every later one is missed too, and then the family should be told.
 */
export function startActivityReporter(options: ActivityReporterOptions): ActivityReporter {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const minInterval = options.keysMinIntervalMs ?? KEYS_MIN_INTERVAL_MS;
  const send = (kind: ActivityKind) => {
    options.send(kind).catch(() => undefined);
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
      clearInterval(heartbeat);
      if (pendingKeys !== undefined) clearTimeout(pendingKeys);
      pendingKeys = undefined;
    },
  };
}
