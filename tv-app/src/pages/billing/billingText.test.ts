import { describe, expect, it } from 'vitest';
import { billingText } from './billingText.js';

const base = {
  month: '2026-11',
  runningTotal: 2392,
  membership: 1000,
  goods: 892,
  rides: 500,
  carriedOver: 0,
  other: 0,
  lastStatement: null,
  notice: null,
};

describe('billingText', () => {
  it('shows the running total and only the kinds used', () => {
    const t = billingText(base);
    expect(t.title).toBe('11月のご利用料金（これまでの合計）');
    expect(t.total).toBe('2,392円');
    expect(t.lines).toEqual(['月会費\u30001,000円', 'お買い物\u3000892円', 'タクシー\u3000500円']);
    expect(t.notice).toBe('');
  });

  it('reads a failed-debit notice first and names the last bill', () => {
    const t = billingText({
      ...base,
      carriedOver: 1892,
      lastStatement: { month: '2026-10', amountDue: 1892, status: 'failed' },
      notice: '10月分のお支払い（1,892円）が口座から引き落とせませんでした。来月分と合わせて引き落とします。',
    });
    expect(t.lines).toContain('前の月からの未払い分\u30001,892円');
    expect(t.last).toBe('10月分のご請求\u30001,892円（引き落とせませんでした）');
    expect(t.announce.startsWith('10月分のお支払い（1,892円）が口座から引き落とせませんでした')).toBe(true);
  });

  it('says so when nothing was used yet', () => {
    const t = billingText({ ...base, runningTotal: 0, membership: 0, goods: 0, rides: 0 });
    expect(t.lines).toEqual(['今月のご利用はまだありません']);
  });
});
