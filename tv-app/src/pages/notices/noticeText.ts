import type { Notice } from '../../api/watch.js';

/** '11月23日 8:00' on the Tokyo clock (the box's own time zone may be anything). */
export function formatDue(iso: string): string {
  const t = new Date(Date.parse(iso) + 9 * 3_600_000);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${t.getUTCHours()}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

export function noticeLabel(n: Notice): string {
  return `${formatDue(n.dueAt)}\u3000${n.text}${n.confirmedAt ? '（確認済み）' : ''}`;
}

/** Tokyo date `days` after today, 'YYYY-MM-DD'. */
export function tokyoDateAfter(nowMs: number, days: number): string {
  return new Date(nowMs + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export const AWAY_CHOICES: { days: number; label: string }[] = [
  { days: 1, label: '明日 帰ります' },
  { days: 2, label: 'あさって 帰ります' },
  { days: 3, label: '3日後に帰ります' },
  { days: 7, label: '1週間後に帰ります' },
  { days: 14, label: '2週間後に帰ります' },
];
