import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { orders } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { pastOrder } from '../helpers/shop-history.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Tue 24 Nov 2026 12:00 in Tokyo: an hour past the day's 11:00 cut-off.
useTvSuite({ now: '2026-11-24T03:00:00Z' }, (s) => ({ server, page } = s));

const texts = async () => (await visibleTexts(page)).join('\n');
const waitForText = (needle: string) =>
  page.waitForFunction(
    (n) =>
      (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some((t) =>
        t.includes(n),
      ),
    needle,
    { timeout: 15_000 },
  );

describe('TV order status', () => {
  it('offers no cancel on an order past the cut-off or delivered, and says the delivery in the past tense', async () => {
    const household = 8;
    const id = (name: string) =>
      server.sqlite.prepare<[string], { id: number }>('SELECT id FROM products WHERE name = ?').get(name)!.id;
    // Last week's order came by drone and was collected; this morning's is still 受付 but its cut-off
    // (11:00) has passed.
    const delivered = await pastOrder(
      server.db,
      household,
      [{ productId: id('たまご 10個'), qty: 1 }],
      new Date('2026-11-17T00:00:00Z'),
      { mode: 'drone' },
    );
    const late = await pastOrder(
      server.db,
      household,
      [{ productId: id('牛乳 1000ml'), qty: 2 }],
      new Date('2026-11-24T00:00:00Z'),
      { until: 'received' },
    );

    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await waitForText('野菜');
    await press(page, 'Red'); // 注文の状況
    await waitForRoute(page, 'shop/orders');
    await waitForText('11月24日');

    // Newest first: this morning's order, past its cut-off.
    expect(await focusedLabel(page)).toMatch(/^11月24日のお届け、受付、476円/);
    expect(await focusedLabel(page)).not.toContain('取り消せます');
    await waitForText('締め切り（11:00）を過ぎたので、この注文は取り消せません');
    expect(await texts()).not.toContain('注文を取り消す');
    await screenshot(page, 'shop-orders-past-cutoff');

    // ↓ to last week's, delivered by drone: the past tense, and still no cancel.
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe(
      '11月17日のお届け、お届け済み、258円。ドローンでお届けしました。お受け取りになりました',
    );
    await waitForText('ドローンでお届けしました。お受け取りになりました');
    expect(await texts()).not.toContain('ドローンでお届けします');
    expect(await texts()).not.toContain('注文を取り消す');
    await page.waitForTimeout(300); // let the focus animation settle
    await screenshot(page, 'shop-orders-delivered');

    // ↓ past the last order leads nowhere (no bar to reach), and 赤 says why instead of asking.
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toContain('11月17日のお届け');
    await press(page, 'Red');
    await waitForText('お届け済みの注文は取り消せません');
    await press(page, 'ArrowUp');
    await press(page, 'Red');
    await waitForText('締め切り（11:00）を過ぎたので');
    expect(await texts()).not.toContain('この注文を取り消しますか');

    const said = (await spoken(page)).map((u) => u.text).join('\n');
    expect(said).toContain('ドローンでお届けしました');
    expect(said).not.toContain('ドローンでお届けします');
    const statusOf = async (orderId: number) =>
      (await server.db.select().from(orders).where(eq(orders.id, orderId)).get())!.status;
    expect([await statusOf(late), await statusOf(delivered)]).toEqual(['received', 'delivered']);
  });
});
