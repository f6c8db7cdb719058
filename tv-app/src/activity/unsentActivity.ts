import type { ActivityKind } from '../api/watch.js';

/**
 * Activity the box could not deliver (server down, network out), kept to send when the server
 * answers again. Time the server could not hear from a box is not evidence against its resident.
 */
export interface UnsentActivity {
  kind: ActivityKind;
  /** The box's own clock, epoch ms: the server records presence at this time. */
  at: number;
}

/** The server keeps presence in slots; one entry per 5-minute slot and kind says all there is. */
export const UNSENT_SLOT_MS = 5 * 60_000;
/** The server accepts activity up to a day old; older is of no use to anyone. */
export const UNSENT_KEEP_MS = 24 * 3_600_000;
export const UNSENT_MAX = (UNSENT_KEEP_MS / UNSENT_SLOT_MS) * 2;
export const UNSENT_STORAGE_KEY = 'engawa.unsentActivity';

const slotOf = (at: number) => Math.floor(at / UNSENT_SLOT_MS);

/**
 * Adds `entry` to `list` (oldest first): one entry per slot and kind (the latest time in the slot,
 * since a key press late in a slot is the fresher sign of life), nothing older than a day before
 * `now`, at most `UNSENT_MAX` entries (the oldest go first).
 */
export function keepUnsent(
  list: readonly UnsentActivity[],
  entry: UnsentActivity,
  now: number,
): UnsentActivity[] {
  const same = (u: UnsentActivity) => u.kind === entry.kind && slotOf(u.at) === slotOf(entry.at);
  const existing = list.find(same);
  const merged = existing && existing.at >= entry.at ? existing : entry;
  const next = [...list.filter((u) => !same(u)), merged]
    .filter((u) => u.at >= now - UNSENT_KEEP_MS)
    .sort((a, b) => a.at - b.at);
  return next.slice(Math.max(0, next.length - UNSENT_MAX));
}

/** Reads the stored list; anything unreadable counts as empty (a box must start whatever is stored). */
export function parseUnsent(json: string | null): UnsentActivity[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (u): u is UnsentActivity =>
          typeof u === 'object' &&
          u !== null &&
          ((u as UnsentActivity).kind === 'heartbeat' || (u as UnsentActivity).kind === 'keys') &&
          Number.isFinite((u as UnsentActivity).at),
      )
      .map((u) => ({ kind: u.kind, at: u.at }))
      .sort((a, b) => a.at - b.at)
      .slice(-UNSENT_MAX);
  } catch {
    return [];
  }
}

/** A failure worth retrying: the server was unreachable or broken, not a refusal of this request. */
export function isRetryable(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status === 0 || status === 408 || status === 429 || status >= 500;
}
