import { describe, expect, it } from 'vitest';
import type { Notice } from '../../api/watch.js';
import { listChange } from './refreshNotices.js';

const notice = (id: number, extra: Partial<Notice> = {}): Notice => ({
  id,
  residentName: '山田 花子',
  text: `お知らせ${id}`,
  dueAt: '2026-11-23T01:00:00Z',
  dueLabel: '今日 10:00 のお知らせ',
  late: false,
  missed: false,
  confirmedAt: null,
  ...extra,
});

describe('listChange', () => {
  it('sees nothing to do when the list reads the same', () => {
    const list = [notice(2), notice(1)];
    expect(listChange(list, [notice(2), notice(1)], new Set([1, 2]))).toEqual({
      changed: false,
      arrived: [],
    });
  });

  it('redraws for a new entry and names only the ones not seen, oldest first', () => {
    const r = listChange([notice(1)], [notice(3), notice(2), notice(1)], new Set([1]));
    expect(r.changed).toBe(true);
    expect(r.arrived.map((n) => n.id)).toEqual([2, 3]);
  });

  it('redraws when an entry was confirmed, without announcing it again', () => {
    const r = listChange([notice(1)], [notice(1, { confirmedAt: '2026-11-23T01:05:00Z' })], new Set([1]));
    expect(r).toEqual({ changed: true, arrived: [] });
  });
});
