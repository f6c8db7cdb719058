import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeSettlement, summariseSellerGoods } from './compose-settlement';
import { charge } from './fixtures';

const seller = { id: 1, name: 'ニシザワ高遠食彩館', commissionBp: 1000, invoiceRegNo: 'T9876543210987' };

describe('composeSettlement', () => {
  it('commission is 10 % of sales plus 10 % tax on it; payout is the rest', () => {
    const goods = [
      charge({ kind: 'goods', amountYen: 892, taxRate: 8, sellerId: 1, orderId: 1 }),
      charge({ kind: 'goods', amountYen: 1234, taxRate: 8, sellerId: 1, orderId: 2 }),
      charge({ kind: 'goods', amountYen: 345, taxRate: 10, sellerId: 1, orderId: 2 }),
    ];
    const s = composeSettlement(seller, '2026-11', summariseSellerGoods(1, goods));
    // sales 2,471 → commission floor(247.1) = 247, tax floor(24.7) = 24, total 271, payout 2,200.
    expect(s).toMatchObject({
      sales: 2471,
      orderCount: 2,
      lineCount: 3,
      commissionNet: 247,
      commissionTax: 24,
      commissionTotal: 271,
      payout: 2200,
    });
    expect(s.salesByRate.map((r) => [r.rate, r.total, r.tax])).toEqual([
      [8, 2126, 157],
      [10, 345, 31],
    ]);
  });

  it('payout + commission = sales for any sales and rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        (amounts, bp) => {
          const goods = amounts.map((a, i) =>
            charge({ kind: 'goods', amountYen: a, taxRate: i % 2 ? 8 : 10, sellerId: 1 }),
          );
          const s = composeSettlement(
            { ...seller, commissionBp: bp },
            '2026-11',
            summariseSellerGoods(1, goods),
          );
          expect(s.payout + s.commissionTotal).toBe(s.sales);
          expect(s.sales).toBe(amounts.reduce((x, y) => x + y, 0));
          expect(s.commissionNet).toBeLessThanOrEqual((s.sales * bp) / 10_000);
        },
      ),
    );
  });

  it('refuses other sellers’ lines and silly commission rates', () => {
    expect(() => summariseSellerGoods(1, [charge({ kind: 'goods', amountYen: 1, sellerId: 2 })])).toThrow(
      /other sellers/,
    );
    expect(() =>
      composeSettlement({ ...seller, commissionBp: 20_000 }, '2026-11', {
        byRate: [],
        orderCount: 0,
        lineCount: 0,
      }),
    ).toThrow(/out of range/);
  });
});
