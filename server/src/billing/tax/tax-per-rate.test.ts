import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taxIncluded, taxPerRate } from './tax-per-rate';

describe('taxIncluded', () => {
  it.each([
    // 8%: 108 yen holds exactly 8 yen; 107 yen holds 7.92… → 7.
    [108, 8, 8],
    [107, 8, 7],
    [1, 8, 0],
    [13, 8, 0], // 0.96…
    [14, 8, 1], // 1.037…
    [892, 8, 66], // the reported 3-item order: 66.07…
    // 10%: 110 → 10; 109 → 9.90… → 9; 1,000 yen membership → 90.90… → 90.
    [110, 10, 10],
    [109, 10, 9],
    [1000, 10, 90],
    [500, 10, 45], // a taxi fare: 45.45…
    [0, 10, 0],
  ] as const)('%i yen at %i%% contains %i yen', (total, rate, tax) => {
    expect(taxIncluded(total, rate)).toBe(tax);
  });

  it('agrees with exact rational floor for any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom(8 as const, 10 as const),
        (total, rate) => {
          const exact = (BigInt(total) * BigInt(rate)) / BigInt(100 + rate);
          expect(taxIncluded(total, rate)).toBe(Number(exact));
        },
      ),
    );
  });
});

describe('taxPerRate', () => {
  it('rounds once per rate on the total, not per line', () => {
    // Three 8% lines of 13 yen hold 0 yen each when rounded per line; together 39 yen hold 2 yen.
    const lines = [
      { amount: 13, taxRate: 8 as const },
      { amount: 13, taxRate: 8 as const },
      { amount: 13, taxRate: 8 as const },
      { amount: 500, taxRate: 10 as const },
      { amount: 1000, taxRate: 10 as const },
    ];
    expect(taxPerRate(lines)).toEqual([
      { rate: 8, total: 39, tax: 2, net: 37 },
      { rate: 10, total: 1500, tax: 136, net: 1364 },
    ]);
  });

  it('leaves out rates without lines and rejects fractional yen or unknown rates', () => {
    expect(taxPerRate([{ amount: 1000, taxRate: 10 }])).toEqual([
      { rate: 10, total: 1000, tax: 90, net: 910 },
    ]);
    expect(taxPerRate([])).toEqual([]);
    expect(() => taxPerRate([{ amount: 10.5, taxRate: 8 }])).toThrow(RangeError);
    expect(() => taxPerRate([{ amount: 10, taxRate: 5 as 8 }])).toThrow(/unknown tax rate 5/);
  });
});
