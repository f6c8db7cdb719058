import type { Actor } from '../../lib/audit';
import { badRequest } from '../../lib/errors';
import type { StaffAuth } from '../../lib/router';
import { tokyoDate, TokyoDateSchema } from '../../lib/tokyo';

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
export const actor = (s: StaffAuth): Actor => ({ type: 'staff', id: s.id });

/** The `date` query of a board: today in Tokyo when absent, a 400 page when not a calendar date. */
export const dateOf = (raw: string | undefined, now: Date) => {
  if (!raw) return tokyoDate(now);
  const r = TokyoDateSchema.safeParse(raw);
  if (!r.success) throw badRequest('invalid_date', `「${raw}」は日付ではありません（YYYY-MM-DD）`);
  return r.data;
};
