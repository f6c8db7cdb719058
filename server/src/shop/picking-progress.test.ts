import { describe, expect, it } from 'vitest';
import type { PickingRow } from './build-picking-list';
import { pickingProgress } from './picking-progress';

const row = (over: Partial<PickingRow>): PickingRow => ({
  sellerId: 1,
  sellerName: '店',
  hamletId: 1,
  hamletName: '集落',
  hallName: '公民館',
  orderId: 1,
  orderStatus: 'received',
  packed: false,
  householdName: '世帯',
  lineId: 1,
  productId: 1,
  productName: '商品',
  qty: 2,
  missingQty: 0,
  picked: false,
  ...over,
});

describe('pickingProgress', () => {
  it('counts picked, missing and remaining lines, and packed parcels', () => {
    const p = pickingProgress([
      row({ lineId: 1, picked: true }),
      row({ lineId: 2, picked: true, missingQty: 1 }),
      row({ lineId: 3 }),
      row({ lineId: 4, orderId: 2, picked: true, packed: true }),
    ]);
    expect(p).toEqual({ lines: 4, picked: 2, missing: 1, remaining: 1, orders: 2, packed: 1 });
  });

  it("leaves out a cancelled order's lines that are only there to be put back", () => {
    const p = pickingProgress([
      row({ orderStatus: 'cancelled', picked: true }),
      row({ lineId: 2, orderId: 2 }),
    ]);
    expect(p).toEqual({ lines: 1, picked: 0, missing: 0, remaining: 1, orders: 1, packed: 0 });
  });

  it('is all zero for an empty day', () => {
    expect(pickingProgress([])).toEqual({
      lines: 0,
      picked: 0,
      missing: 0,
      remaining: 0,
      orders: 0,
      packed: 0,
    });
  });
});
