import { describe, expect, it } from 'vitest';
import { formatDue, noticeLabel, tokyoDateAfter } from './noticeText.js';

describe('notice text', () => {
  it('shows the due time on the Tokyo clock', () => {
    expect(formatDue('2026-11-22T23:00:00.000Z')).toBe('11月23日 8:00');
  });

  it('marks confirmed reminders', () => {
    const n = { id: 1, residentName: '山田 花子', text: 'お薬を飲みましょう', dueAt: '2026-11-23T00:30:00Z' };
    expect(noticeLabel({ ...n, confirmedAt: null })).toBe('11月23日 9:30\u3000お薬を飲みましょう');
    expect(noticeLabel({ ...n, confirmedAt: '2026-11-23T00:31:00Z' })).toContain('（確認済み）');
  });

  it('counts return dates in Tokyo days', () => {
    // 23:30 UTC on the 22nd is already the 23rd in Tokyo.
    expect(tokyoDateAfter(Date.parse('2026-11-22T23:30:00Z'), 1)).toBe('2026-11-24');
  });
});
