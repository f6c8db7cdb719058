import { describe, expect, it } from 'vitest';
import { cableBillRows } from './cable-bill-rows';
import { composeStatement } from './compose-statement';
import { charge, issuer, recipient } from './fixtures';

describe('cableBillRows', () => {
  it('one line per charge, tax per rate, carry-over, and a total that the lines add up to', () => {
    const s = composeStatement({
      month: '2026-11',
      issuedOn: '2026-12-01',
      issuer,
      recipient,
      charges: [
        charge({ kind: 'membership', amountYen: 1000 }),
        charge({ kind: 'goods', amountYen: 892, taxRate: 8, orderId: 3, sellerId: 1, description: '3点' }),
        charge({ kind: 'carry_over', amountYen: 1500 }),
      ],
    });
    const rows = cableBillRows(s);
    expect(rows.map((r) => [r[0], r[2], r[6], r[7], r[8], r[9]])).toEqual([
      ['0012345', 'line', '10', '', 1000, ''],
      ['0012345', 'line', '8', '※', 892, ''],
      ['0012345', 'carry_over', '', '', 1500, ''],
      ['0012345', 'tax', '8', '※', 892, '66'],
      ['0012345', 'tax', '10', '', 1000, '90'],
      ['0012345', 'total', '', '', 3392, ''],
    ]);
    const sum = rows.filter((r) => r[2] === 'line' || r[2] === 'carry_over').reduce((a, r) => a + r[8], 0);
    expect(sum).toBe(rows.at(-1)![8]);
  });
});
