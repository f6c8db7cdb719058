import { describe, expect, it } from 'vitest';
import { planMembershipCharges } from './plan-membership-charges';

const households = [
  { id: 1, shopMemberSince: '2026-10-15' },
  { id: 2, shopMemberSince: '2026-11-30' },
  { id: 3, shopMemberSince: '2026-12-01' },
  { id: 4, shopMemberSince: null },
];

describe('planMembershipCharges', () => {
  it('charges members from the month they join, 1,000 yen at 10 %', () => {
    const rows = planMembershipCharges(households, '2026-11');
    expect(rows.map((r) => [r.householdId, r.amountYen, r.taxRate, r.sourceKey])).toEqual([
      [1, 1000, 10, 'membership:1:2026-11'],
      [2, 1000, 10, 'membership:2:2026-11'],
    ]);
    // Dated at 00:00 Tokyo on the 1st, which is the previous day in UTC.
    expect(rows[0]!.occurredAt.toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(rows[0]!.description).toBe('ゆうあいマーケット月会費（11月分）');
  });

  it('can start the month after joining, with another fee', () => {
    const rows = planMembershipCharges(households, '2026-11', { feeYen: 1100, chargeJoiningMonth: false });
    expect(rows.map((r) => [r.householdId, r.amountYen])).toEqual([[1, 1100]]);
  });
});
