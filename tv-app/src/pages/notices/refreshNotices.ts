import type { Notice } from '../../api/watch.js';

/**
 * How often the open お知らせ page asks for its list: a family reminder added now shows within this
 * time, and the page costs the server one small request per box in this time only while open.
 */
export const NOTICES_REFRESH_MS = 10_000;

const shown = (n: Notice) => `${n.id}:${n.dueLabel}:${n.text}:${n.confirmedAt ?? ''}:${n.missed}`;

/**
 * Whether the list on screen must be redrawn (an entry came, went or changed how it reads), and
 * which entries arrived that the resident has not been told about yet (`seen`), oldest first.
 */
export function listChange(
  before: readonly Notice[],
  after: readonly Notice[],
  seen: ReadonlySet<number>,
): { changed: boolean; arrived: Notice[] } {
  const changed = before.length !== after.length || before.some((n, i) => shown(n) !== shown(after[i]!));
  const arrived = after.filter((n) => !seen.has(n.id)).reverse();
  return { changed, arrived };
}
