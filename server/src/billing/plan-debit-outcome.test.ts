import { describe, expect, it } from 'vitest';
import { debitFailureNotice, planDebitOutcome } from './plan-debit-outcome';

describe('planDebitOutcome', () => {
  it('code 0 is paid; 1 carries over and keeps debiting; 3 and 4 stop until a new mandate', () => {
    expect(planDebitOutcome(0)).toMatchObject({ status: 'paid', carryOver: false, stopDebits: false });
    expect(planDebitOutcome(1)).toMatchObject({ status: 'failed', carryOver: true, stopDebits: false });
    expect(planDebitOutcome(3)).toMatchObject({ status: 'failed', carryOver: true, stopDebits: true });
    expect(planDebitOutcome(4)).toMatchObject({ status: 'failed', carryOver: true, stopDebits: true });
  });

  it('tells the resident in plain Japanese, and nothing when paid', () => {
    expect(debitFailureNotice(0, 2392, '2026-11')).toBeNull();
    expect(debitFailureNotice(1, 2392, '2026-11')).toBe(
      '11月分のお支払い（2,392円）が口座から引き落とせませんでした。来月分と合わせて引き落とします。',
    );
    expect(debitFailureNotice(4, 2392, '2026-11')).toMatch(/口座振替の手続きをもう一度お願いします/);
  });
});
