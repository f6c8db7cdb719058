import type { Context } from 'hono';
import { redirectWithFlash } from '../../console/flash';
import type { Actor } from '../../lib/audit';
import { AppError, badRequest } from '../../lib/errors';
import type { AppEnv, StaffAuth } from '../../lib/router';
import { isTokyoDate, tokyoDate, tokyoTime } from '../../lib/tokyo';

export const actorOf = (s: StaffAuth): Actor & { id: number } => ({ type: 'staff', id: s.id });

/** The board's day from a query or path; today in Tokyo when absent. */
export function dateOf(raw: string | undefined, now: Date): string {
  if (!raw) return tokyoDate(now);
  if (!isTokyoDate(raw)) throw badRequest('invalid_date', `「${raw}」は日付（YYYY-MM-DD）ではありません`);
  return raw;
}

export const hm = (at: Date | null) => (at ? tokyoTime(at) : '');
export const kg = (g: number) => `${(g / 1000).toFixed(1)}kg`;
export const boardUrl = (date: string) => `/console/drone?date=${date}`;

/**
 * Runs a board action and comes back to the board with its outcome as the flash; a refusal
 * (4xx AppError) comes back too, with its reason, so the operator never lands on an error page.
 */
export async function act(c: Context<AppEnv>, url: string, fn: () => Promise<string> | string) {
  try {
    return redirectWithFlash(c, url, { kind: 'notice', text: await fn() });
  } catch (err) {
    if (err instanceof AppError && err.status < 500)
      return redirectWithFlash(c, url, { kind: 'error', text: err.message });
    throw err;
  }
}
