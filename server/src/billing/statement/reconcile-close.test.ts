import { describe, expect, it } from 'vitest';
import { reconcileClose } from './reconcile-close';

const ok = {
  month: '2026-11',
  ledgerTotal: 5000,
  ledgerCount: 4,
  statementsTotal: 5000,
  statementCount: 2,
  goodsSales: 2471,
  settledSales: 2471,
  payouts: 2200,
  commissions: 271,
};

describe('reconcileClose', () => {
  it('passes when statements match the ledger and payouts + commission match goods sales', () => {
    const r = reconcileClose(ok);
    expect(r.ok).toBe(true);
    expect(r.lines).toContain('OK   statements = ledger: 5,000 yen vs 5,000 yen');
  });

  it('fails and says which check broke', () => {
    const r = reconcileClose({ ...ok, payouts: 2199 });
    expect(r.ok).toBe(false);
    expect(r.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      'FAIL payouts + commission = goods sales: 2,470 yen vs 2,471 yen',
    ]);
  });
});
