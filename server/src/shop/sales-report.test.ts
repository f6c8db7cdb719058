import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { charges } from '../../../db/src/schema';
import { readJson } from './testing';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { salesReport } from './sales-report';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: '2026-11-24T00:00:00Z', seed: true });
});
afterEach(() => ctx.close());

async function charge(
  orderId: number,
  sellerId: number,
  amountYen: number,
  taxRate: number,
  at: string,
  kind: 'goods' | 'ride' = 'goods',
) {
  await ctx.db
    .insert(charges)
    .values({
      householdId: 1,
      kind,
      sourceKey: `t:${orderId}:${amountYen}:${at}:${kind}`,
      description: 'x',
      amountYen,
      taxRate,
      sellerId,
      orderId,
      occurredAt: new Date(at),
      month: '2026-11',
      createdAt: new Date(at),
    })
    .run();
}

describe('salesReport', () => {
  it('sums delivered goods per seller, per rate and per Tokyo day', async () => {
    await charge(1, 1, 500, 8, '2026-11-24T08:00:00Z'); // 17:00 Tokyo on the 24th
    await charge(1, 1, 300, 10, '2026-11-24T08:00:00Z');
    await charge(2, 1, 200, 8, '2026-11-24T15:30:00Z'); // 00:30 Tokyo on the 25th
    await charge(3, 2, 1000, 10, '2026-11-24T09:00:00Z');
    await charge(4, 1, 9999, 10, '2026-11-24T09:00:00Z', 'ride');
    const day = await salesReport(ctx.db, 'day', '2026-11-24');
    expect(day.sellers.map((s) => [s.sellerId, s.orders, s.totalYen])).toEqual([
      [1, 1, 800],
      [2, 1, 1000],
    ]);
    expect(day.sellers[0]!.byRate).toEqual([
      { taxRate: 8, amountYen: 500 },
      { taxRate: 10, amountYen: 300 },
    ]);
    const month = await salesReport(ctx.db, 'month', '2026-11', { sellerIds: [1], hamletIds: null });
    expect(month.sellers).toHaveLength(1);
    expect(month.sellers[0]).toMatchObject({ orders: 2, totalYen: 1000 });
    expect(month.sellers[0]!.days).toEqual([
      { date: '2026-11-24', orders: 1, totalYen: 800 },
      { date: '2026-11-25', orders: 1, totalYen: 200 },
    ]);
  });

  it('is served to the store (own seller only) and on the console', async () => {
    await charge(1, 1, 500, 8, '2026-11-24T08:00:00Z');
    await charge(3, 2, 1000, 10, '2026-11-24T09:00:00Z');
    const drug = await ctx.login('store-drug');
    const res = await ctx.request('/api/shop/staff/sales?period=month&key=2026-11', { headers: drug });
    const body = await readJson(res);
    expect(body.sellers.map((s: { sellerId: number }) => s.sellerId)).toEqual([2]);
    const page = await ctx.request('/console/shop/sales?period=day&key=2026-11-24', { headers: drug });
    expect(await page.text()).toContain('1,000円');
  });
});
