import type { Notice } from '../../api/watch.js';

type NoticeText = Pick<Notice, 'dueLabel' | 'text' | 'confirmedAt' | 'missed'>;

/** 「昨日 18:30 のお知らせ 夕方のお薬を飲みましょう（時間切れ）」: when it was due comes first. */
export function noticeLabel(n: NoticeText): string {
  return `${n.dueLabel}\u3000${n.text}${n.confirmedAt ? '（確認済み）' : n.missed ? '（時間切れ）' : ''}`;
}

/** Read aloud: a missed reminder says plainly that its time has passed, so it is not taken now. */
export function noticeAnnouncement(n: NoticeText): string {
  const state = n.confirmedAt ? '確認済みです' : n.missed ? '確認されないまま、時間が過ぎました' : '';
  return [n.dueLabel, n.text, state].filter(Boolean).join('。');
}

/** The date `days` after `date` ('YYYY-MM-DD', a calendar date: no time zone involved). */
export function dateAfter(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const AWAY_CHOICES: { days: number; label: string }[] = [
  { days: 1, label: '明日 帰ります' },
  { days: 2, label: 'あさって 帰ります' },
  { days: 3, label: '3日後に帰ります' },
  { days: 7, label: '1週間後に帰ります' },
  { days: 14, label: '2週間後に帰ります' },
];
