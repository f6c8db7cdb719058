import { describe, expect, it } from 'vitest';
import type { CurrentBilling } from '../../api/billing.js';
import { billingText, jaDateLabel } from './billingText.js';

const base: CurrentBilling = {
  month: '2026-11',
  runningTotal: 2392,
  membership: 1000,
  goods: 892,
  rides: 500,
  carriedOver: 0,
  other: 0,
  lastStatement: null,
  notice: null,
  debitDate: '2026-12-28',
  planned: { orders: { count: 0, yen: 0 }, rides: { count: 0, yen: 0 } },
};

describe('billingText', () => {
  it('shows the running total, only the kinds used, and when and why it is debited', () => {
    const t = billingText(base);
    expect(t.title).toBe('11月のご利用料金（これまでの合計）');
    expect(t.total).toBe('2,392円');
    expect(t.lines).toEqual(['月会費\u30001,000円', 'お買い物\u3000892円', 'タクシー\u3000500円']);
    expect(t.reason).toBe('11月分のご利用料金として、12月28日（月）に口座から引き落とします。');
    expect(t.planned).toEqual([]);
    expect(t.notice).toBe('');
  });

  it('lists what is booked but not charged, apart, and reads it as not charged', () => {
    const t = billingText({
      ...base,
      planned: { orders: { count: 2, yen: 1192 }, rides: { count: 1, yen: 500 } },
    });
    expect(t.planned).toEqual(['お届け前のお買い物 2件\u30001,192円', 'これから乗るタクシー 1件\u3000500円']);
    expect(t.total).toBe('2,392円');
    expect(t.announce).toContain('予定（まだ請求していません）。お届け前のお買い物 2件、1,192円。');
  });

  it('reads a failed-debit notice first and names the last bill, with no doubled 「。」', () => {
    const t = billingText({
      ...base,
      carriedOver: 1892,
      lastStatement: { month: '2026-10', amountDue: 1892, status: 'failed' },
      notice: '10月分のお支払い（1,892円）が口座から引き落とせませんでした。来月分と合わせて引き落とします。',
    });
    expect(t.lines).toContain('前の月からの未払い分\u30001,892円');
    expect(t.last).toBe('10月分のご請求\u30001,892円（引き落とせませんでした）');
    expect(t.announce.startsWith('10月分のお支払い（1,892円）が口座から引き落とせませんでした')).toBe(true);
    expect(t.announce).not.toMatch(/。。|、。|\u3000/);
    expect(t.announce).toContain('引き落とします。11月のご利用料金（これまでの合計）、2392円です。');
  });

  it('says so when nothing was used yet', () => {
    const t = billingText({ ...base, runningTotal: 0, membership: 0, goods: 0, rides: 0 });
    expect(t.lines).toEqual(['今月のご利用はまだありません']);
  });

  it('names the weekday of the debit date', () => {
    expect(jaDateLabel('2027-01-27')).toBe('1月27日（水）');
  });
});
