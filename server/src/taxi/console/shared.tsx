import type { Actor } from '../../lib/audit';
import { badRequest } from '../../lib/errors';
import type { StaffAuth } from '../../lib/router';
import { formatJaDate, TokyoDateSchema, tokyoDate } from '../../lib/tokyo';
import type { ManifestStop } from '../get-manifest';

export const actor = (s: StaffAuth): Actor => ({ type: 'staff', id: s.id });

/** The `?date=` of a board: today when absent, a 400 page when not a calendar date. */
export function dateOf(raw: string | undefined, now: Date): string {
  if (!raw) return tokyoDate(now);
  const d = TokyoDateSchema.safeParse(raw);
  if (!d.success) throw badRequest('invalid_date', `「${raw}」は日付ではありません（YYYY-MM-DD）`);
  return d.data;
}

export const KIND_JA = { pickup: '乗車', dropoff: '降車' } as const;

/** A ride left open on an earlier day, shown until someone closes it. */
export function CarriedBadge(props: { stop: ManifestStop }) {
  return props.stop.carriedFrom ? (
    <span class="badge warn carried" title={`${formatJaDate(props.stop.carriedFrom)}の予約`}>
      前日から
    </span>
  ) : null;
}

/** The map's state word of a stop: closed stops fade and carry a mark (✓ ×). */
export function stopState(s: ManifestStop): string | undefined {
  if (s.carriedFrom && !s.done) return 'carried';
  if (s.status === 'no_show') return 'no_show';
  if (s.done) return 'done';
  return undefined;
}
