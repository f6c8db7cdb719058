import { describe, expect, it } from 'vitest';
import { noticeAnnouncement, noticeLabel, dateAfter } from './noticeText.js';

describe('notice text', () => {
  const n = { text: 'お薬を飲みましょう', dueLabel: '今日 9:30 のお知らせ', missed: false };

  it('starts with when the reminder was due and marks confirmed ones', () => {
    expect(noticeLabel({ ...n, confirmedAt: null })).toBe('今日 9:30 のお知らせ\u3000お薬を飲みましょう');
    expect(noticeLabel({ ...n, confirmedAt: '2026-11-23T00:31:00Z' })).toContain('（確認済み）');
  });

  it('marks a missed reminder as past its time, on screen and aloud', () => {
    const missed = { ...n, dueLabel: '昨日 18:30 のお知らせ', missed: true, confirmedAt: null };
    expect(noticeLabel(missed)).toBe('昨日 18:30 のお知らせ\u3000お薬を飲みましょう（時間切れ）');
    expect(noticeAnnouncement(missed)).toBe(
      '昨日 18:30 のお知らせ。お薬を飲みましょう。確認されないまま、時間が過ぎました',
    );
  });

  it('counts return dates in calendar days from the server’s date', () => {
    expect(dateAfter('2026-11-23', 1)).toBe('2026-11-24');
    expect(dateAfter('2026-12-31', 2)).toBe('2027-01-02');
  });
});
