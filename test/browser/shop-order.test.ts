import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { orders } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  launchBrowser,
  newTvPage,
  openTv,
  press,
  screenshot,
  visibleTexts,
  waitForRoute,
  type TvKey,
} from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { placeOrder } from '../../server/src/shop/place-order.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Tue 24 Nov 2026 09:00 in Tokyo: before the cut-off on a delivery day.
  server = await startTestServer({ now: '2026-11-24T00:00:00Z' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  ({ context, page } = await newTvPage(browser));
});

afterEach(async () => {
  await context.close();
});

/** Presses keys and counts them, so the test can report how many a resident needs. */
function counter() {
  let n = 0;
  return {
    async press(key: TvKey, times = 1) {
      await press(page, key, times);
      n += times;
    },
    get count() {
      return n;
    },
  };
}

const textOnScreen = async (needle: string) => (await visibleTexts(page)).some((t) => t.includes(needle));
const waitForText = (needle: string) =>
  page.waitForFunction(
    (n) =>
      (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some((t) =>
        t.includes(n),
      ),
    needle,
    { timeout: 15_000 },
  );

describe('TV shopping', () => {
  it('orders three favourite items from the home screen with the remote, counting the key presses', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    const keys = counter();
    await keys.press('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('今日の夕方');
    expect(await textOnScreen('中尾')).toBe(true);
    expect(await focusedLabel(page)).toBe('お気に入り');

    await keys.press('Enter');
    await waitForRoute(page, 'shop/list/favourites/0');
    await waitForText('たまご 10個');
    expect(await textOnScreen('258円（税込）')).toBe(true);
    expect(await textOnScreen('写真はありません')).toBe(true);
    expect(await textOnScreen('青')).toBe(true);
    expect(await textOnScreen('お気に入り')).toBe(true);
    await keys.press('Enter'); // たまご 10個 ×1
    await keys.press('ArrowDown');
    await keys.press('Enter'); // 牛乳 1000ml ×1
    await keys.press('ArrowRight'); // … ×2
    await keys.press('ArrowDown');
    await keys.press('Enter'); // 食パン 6枚切 ×1
    await keys.press('Yellow');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（');
    expect(await focusedLabel(page)).toBe(`注文する（${(258 + 2 * 238 + 178).toLocaleString('ja-JP')}円）`);
    await screenshot(page, 'shop-cart');
    await keys.press('Enter');
    await waitForText('で注文しますか');
    // A resident pressing 決定 several times: the first confirms, the rest close the "受け付けました" message.
    await keys.press('Enter');
    const pressesToOrder = keys.count;
    await waitForText('注文を受け付けました');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop/orders');
    await waitForText('受付');
    expect(await textOnScreen('赤')).toBe(true);
    const placed = server.db.select().from(orders).where(eq(orders.householdId, 1)).all();
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      totalYen: 258 + 2 * 238 + 178,
      deliveryDate: '2026-11-24',
      channel: 'tv',
    });
    console.log(`shop: key presses from the home screen to an order of three items: ${pressesToOrder}`);
    expect(pressesToOrder).toBeLessThanOrEqual(20);

    // Cancel before the cut-off, from the status screen.
    await press(page, 'Red');
    await waitForText('この注文を取り消しますか');
    await press(page, 'Enter');
    await waitForText('取り消し');
    expect(server.db.select().from(orders).where(eq(orders.id, placed[0]!.id)).get()!.status).toBe(
      'cancelled',
    );
  });

  it('orders the same as last time in a handful of presses and shows refusals in Japanese', async () => {
    // Household 2 ordered eggs and milk last week (placed through the same business function as the API).
    const product = (name: string) =>
      server.sqlite
        .prepare<[string], { id: number; categoryId: number }>(
          'SELECT id, category_id AS categoryId FROM products WHERE name = ?',
        )
        .get(name)!;
    placeOrder(
      server.db,
      {
        idempotencyKey: 'last-week-0001',
        lines: [
          { productId: product('たまご 10個').id, qty: 1 },
          { productId: product('牛乳 1000ml').id, qty: 2 },
        ],
      },
      { householdId: 2, channel: 'tv', actor: { type: 'device', id: 2 } },
      new Date('2026-11-17T00:00:00Z'),
    );
    await openTv(page, server.baseUrl, demoBoxToken(2));
    await waitForRoute(page, 'home');
    const keys = counter();
    await keys.press('Enter');
    await waitForRoute(page, 'shop');
    await keys.press('ArrowDown');
    expect(await focusedLabel(page)).toBe('前回と同じ注文');
    await keys.press('Enter');
    await waitForRoute(page, 'shop/cart');
    await waitForText(`注文する（${(258 + 2 * 238).toLocaleString('ja-JP')}円）`);
    await keys.press('Enter');
    await waitForText('で注文しますか');
    await keys.press('Enter');
    await waitForText('注文を受け付けました');
    console.log(`shop: key presses for "the same as last time": ${keys.count}`);
    const mine = server.db.select().from(orders).where(eq(orders.householdId, 2)).all();
    expect(mine).toHaveLength(2);
    expect(mine[1]).toMatchObject({ totalYen: 258 + 2 * 238, deliveryDate: '2026-11-24' });
    await press(page, 'Enter');
    await waitForRoute(page, 'shop/orders');

    // A sold-out item cannot go into the cart: the screen says why.
    await press(page, 'Backspace');
    await press(page, 'Backspace');
    await waitForRoute(page, 'shop');
    const cats = server.sqlite
      .prepare<[], { id: number }>('SELECT id FROM categories ORDER BY sort, id')
      .all();
    const flowers = product('仏花 2束');
    const menuIndex = 4 + cats.findIndex((c) => c.id === flowers.categoryId);
    await press(page, 'ArrowUp', 5);
    await press(page, 'ArrowDown', menuIndex);
    await press(page, 'Enter');
    await waitForRoute(page, `shop/list/category/${flowers.categoryId}`);
    await waitForText('仏花 2束');
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toContain('品切れ');
    await press(page, 'Enter');
    await waitForText('品切れです');
    await screenshot(page, 'shop-sold-out');
  });

  it('measures the presses for three given items found through the categories', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(3));
    await waitForRoute(page, 'home');
    const keys = counter();
    /** Down until the focused entry starts with `label` (the way a resident scans a list). */
    const moveTo = async (label: string) => {
      for (let i = 0; i < 60 && !(await focusedLabel(page))?.startsWith(label); i++)
        await keys.press('ArrowDown');
      expect(await focusedLabel(page)).toContain(label);
    };
    await keys.press('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('野菜');
    await screenshot(page, 'shop-menu');
    for (const [category, item] of [
      ['野菜', 'キャベツ 1玉'],
      ['卵・乳製品', '牛乳 1000ml'],
      ['米・パン・麺', '食パン 6枚切'],
    ] as const) {
      await moveTo(category);
      await keys.press('Enter');
      await page.waitForFunction(() => {
        const h = (
          globalThis as unknown as { __engawa?: { route: string; ready: boolean; isNavigating(): boolean } }
        ).__engawa;
        return !!h && h.route.startsWith('shop/list/category/') && !h.isNavigating() && h.ready;
      });
      await waitForText('重さ'); // the product panel appears once the list has loaded
      await moveTo(item);
      await keys.press('Enter');
      await keys.press('Backspace');
      await waitForRoute(page, 'shop');
    }
    await keys.press('Yellow');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（');
    await keys.press('Enter');
    await waitForText('で注文しますか');
    await keys.press('Enter');
    await waitForText('注文を受け付けました');
    console.log(`shop: key presses for three given items through the categories: ${keys.count}`);
    const placed = server.db.select().from(orders).where(eq(orders.householdId, 3)).all();
    expect(placed).toMatchObject([{ totalYen: 198 + 238 + 178 }]);
  });
});
