import { describe, expect, it } from 'vitest';
import { fromTokyo } from '../../lib/tokyo';
import { composeStatement } from './compose-statement';
import { charge, issuer, recipient } from './fixtures';

const base = { month: '2026-11', issuedOn: '2026-12-01', issuer, recipient };

describe('composeStatement', () => {
  const charges = [
    charge({ kind: 'goods', amountYen: 198, taxRate: 8, orderId: 7, sellerId: 1, description: '牛乳 1L' }),
    charge({ kind: 'membership', amountYen: 1000, description: '月会費' }),
    charge({ kind: 'goods', amountYen: 350, taxRate: 8, orderId: 7, sellerId: 1, description: '食パン' }),
    charge({ kind: 'goods', amountYen: 344, taxRate: 10, orderId: 7, sellerId: 2, description: '洗剤' }),
    charge({ kind: 'goods', amountYen: 550, taxRate: 8, orderId: 9, sellerId: 1, description: 'りんご' }),
    charge({ kind: 'ride', amountYen: 500, description: '乗合タクシー 自宅→病院' }),
    charge({ kind: 'ride', amountYen: 500, description: '乗合タクシー 病院→自宅' }),
    charge({ kind: 'carry_over', amountYen: 1890, description: '10月分 未収' }),
  ];
  const s = composeStatement({ ...base, charges });

  it('groups membership, goods by order, rides, then carry-overs', () => {
    expect(s.groups.map((g) => [g.key, g.lines.length, g.subtotal])).toEqual([
      ['membership', 1, 1000],
      ['order:7', 3, 892],
      ['order:9', 1, 550],
      ['rides', 2, 1000],
      ['carry_over', 1, 1890],
    ]);
  });

  it('marks reduced-rate lines and taxes once per rate over the month', () => {
    const marked = s.groups.flatMap((g) => g.lines).filter((l) => l.reducedRate);
    expect(marked.map((l) => l.description)).toEqual(['牛乳 1L', '食パン', 'りんご']);
    // 8 %: 198 + 350 + 550 = 1,098 → floor(1,098 × 8 / 108) = 81.
    // 10 %: 1,000 + 344 + 500 + 500 = 2,344 → floor(2,344 × 10 / 110) = 213.
    expect(s.rates).toEqual([
      { rate: 8, total: 1098, tax: 81, net: 1017 },
      { rate: 10, total: 2344, tax: 213, net: 2131 },
    ]);
  });

  it('adds carry-overs to the amount due without taxing them again', () => {
    expect(s.chargesTotal).toBe(1098 + 2344);
    expect(s.carriedOver).toBe(1890);
    expect(s.amountDue).toBe(1098 + 2344 + 1890);
    const allLines = s.groups.flatMap((g) => g.lines).reduce((sum, l) => sum + l.amountYen, 0);
    expect(allLines).toBe(s.amountDue);
  });

  it('carries the invoice particulars: issuer, registration number, recipient, date', () => {
    expect(s.issuer.registrationNumber).toMatch(/^T\d{13}$/);
    expect(s.recipient.cableCustomerNo).toBe('0012345');
    expect(s.issuedOn).toBe('2026-12-01');
    expect(() =>
      composeStatement({ ...base, issuer: { ...issuer, registrationNumber: '1234567890123' }, charges }),
    ).toThrow(/not T \+ 13 digits/);
  });

  it('dates lines by the Tokyo calendar even when the UTC date differs', () => {
    // 23:30 Tokyo on 30 Nov is 14:30 UTC on 30 Nov; 00:30 Tokyo on 1 Nov is 15:30 UTC on 31 Oct.
    const early = charge({ kind: 'ride', amountYen: 500, occurredAt: fromTokyo('2026-11-01', '00:30') });
    const st = composeStatement({ ...base, charges: [early] });
    expect(early.occurredAt.toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(st.groups[0]!.lines[0]!.date).toBe('2026-11-01');
  });

  it('refuses another household’s charge or fractional yen', () => {
    expect(() =>
      composeStatement({ ...base, charges: [charge({ kind: 'ride', amountYen: 500, householdId: 2 })] }),
    ).toThrow(/household 2/);
    expect(() =>
      composeStatement({ ...base, charges: [charge({ kind: 'ride', amountYen: 500.5 })] }),
    ).toThrow(/whole yen/);
  });

  it('an empty month is a zero statement', () => {
    const st = composeStatement({ ...base, charges: [] });
    expect([st.groups.length, st.rates.length, st.amountDue]).toEqual([0, 0, 0]);
  });
});
