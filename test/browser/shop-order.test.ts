import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { favourites, orders } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  openTv,
  press,
  screenshot,
  visibleTexts,
  waitForRoute,
  type TvKey,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';
import { placeOrder } from '../../server/src/shop/place-order.js';
import { listFrequentProducts } from '../../server/src/shop/frequent-products.js';
import { pastOrder } from '../helpers/shop-history.js';
import { gridMove, type GridKey, type GridShape } from '../../tv-app/src/components/gridMove.js';

let server: TestServer;
let page: Page;

/** Three items spread over categories far apart, one on its list's second page. */
const SPREAD = [
  ['野菜', 'ほうれん草 1束'],
  ['日用品', 'ティッシュペーパー 5箱'],
  ['医薬品・衛生用品', 'マスク 30枚'],
] as const;

// Tue 24 Nov 2026 09:00 in Tokyo: before the cut-off on a delivery day.
useTvSuite({ now: '2026-11-24T00:00:00Z' }, (s) => ({ server, page } = s));

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

/**
 * After an order: the second 決定 of a double press may already have closed the "受け付けました"
 * message (the answer is quick on loopback); otherwise close it. Either way, end on the status page.
 */
async function toOrderStatus() {
  await page.waitForFunction(
    () => {
      const h = (globalThis as unknown as { __engawa?: { route: string; visibleTexts: string[] } }).__engawa;
      return h?.route === 'shop/orders' || !!h?.visibleTexts.some((t) => t.includes('注文を受け付けました'));
    },
    undefined,
    { timeout: 15_000 },
  );
  if ((await visibleTexts(page)).some((t) => t.includes('注文を受け付けました'))) await press(page, 'Enter');
  await waitForRoute(page, 'shop/orders');
}

describe('TV shopping', () => {
  it('orders three favourite items from the home screen with the remote, counting the key presses', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    const keys = counter();
    await keys.press('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('今日の夕方');
    expect(await textOnScreen('中尾')).toBe(true);
    expect(await focusedLabel(page)).toMatch(/^野菜、\d+品$/);
    expect(await textOnScreen('青')).toBe(true);
    expect(await textOnScreen('お気に入り')).toBe(true);

    await keys.press('Blue');
    await waitForRoute(page, 'shop/list/favourites/0');
    await waitForText('たまご 10個');
    expect(await textOnScreen('258円（税込）')).toBe(true);
    expect(await focusedLabel(page)).toBe('たまご 10個、税込258円');
    await keys.press('Enter'); // たまご 10個 ×1
    expect(await focusedLabel(page)).toBe('たまご 10個、税込258円、カートに1点');
    await keys.press('ArrowRight');
    await keys.press('Enter'); // 牛乳 1000ml ×1
    await keys.press('Enter'); // … ×2
    expect(await focusedLabel(page)).toContain('カートに2点');
    await keys.press('ArrowRight');
    await keys.press('Enter'); // 食パン 6枚切 ×1
    await keys.press('Yellow');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（');
    expect(await focusedLabel(page)).toBe(`注文する（${(258 + 2 * 238 + 178).toLocaleString('ja-JP')}円）`);
    await screenshot(page, 'shop-cart');
    await keys.press('Enter'); // 注文する: the summary, one look before the order goes
    await waitForText('ご注文の確認');
    expect(await focusedLabel(page)).toBe('この内容で注文する');
    // A resident pressing 決定 again and again: the first orders, the next closes the "受け付けました"
    // message (each waits for the key guard's quiet moment, as a deliberate press would).
    await keys.press('Enter');
    await press(page, 'Enter');
    const pressesToOrder = keys.count;
    await toOrderStatus();
    await waitForText('受付');
    expect(await textOnScreen('赤')).toBe(true);
    const placed = await server.db.select().from(orders).where(eq(orders.householdId, 1)).all();
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
    expect((await server.db.select().from(orders).where(eq(orders.id, placed[0]!.id)).get())!.status).toBe(
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
    await placeOrder(
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
    await waitForText('緑');
    await keys.press('Green'); // 前回と同じ
    await waitForRoute(page, 'shop/cart');
    await waitForText(`注文する（${(258 + 2 * 238).toLocaleString('ja-JP')}円）`);
    await keys.press('Enter'); // the summary
    await waitForText('ご注文の確認');
    await keys.press('Enter');
    await waitForText('注文を受け付けました');
    console.log(`shop: key presses for "the same as last time": ${keys.count}`);
    const mine = await server.db.select().from(orders).where(eq(orders.householdId, 2)).all();
    expect(mine).toHaveLength(2);
    expect(mine[1]).toMatchObject({ totalYen: 258 + 2 * 238, deliveryDate: '2026-11-24' });
    await press(page, 'Enter');
    await waitForRoute(page, 'shop/orders');

    // A sold-out item cannot go into the cart: the screen says why.
    await press(page, 'Backspace');
    await press(page, 'Backspace');
    await waitForRoute(page, 'shop');
    const flowers = product('仏花 2束');
    const cats = categories();
    await walk(
      CATEGORY_GRID(cats.length),
      0,
      cats.findIndex((c) => c.id === flowers.categoryId),
      (k) => press(page, k),
    );
    await press(page, 'Enter');
    await waitForRoute(page, `shop/list/category/${flowers.categoryId}`);
    await waitForText('仏花 2束');
    const flowerList = productsOf(flowers.categoryId);
    await walk(
      PRODUCT_GRID(flowerList.length),
      0,
      flowerList.findIndex((p) => p.name === '仏花 2束'),
      (k) => press(page, k),
    );
    expect(await focusedLabel(page)).toContain('品切れ');
    await press(page, 'Enter');
    await waitForText('品切れです');
    await screenshot(page, 'shop-sold-out');
  });

  // Three lists measured the same way: the shortest arrow path a resident who sees the whole grid
  // would take, then 決定, 戻る to the categories (focus comes back to the category just left),
  // 黄 カート, 決定 注文する and 決定 この内容で注文する on the summary (the one press the look
  // before the order costs). Items and categories are looked up in the seeded catalogue, not
  // hard-coded positions. "staples" is the asserted goal: a weekly list from the three food categories the
  // old test used, none the first item of its list (キャベツ 1玉, first in 野菜, became だいこん 1本).
  // "spread" is measured below through よく買うもの (household 4 has bought these before); the same
  // three through the categories by a household with no history are printed here for comparison:
  // categories far apart and an item on the second page.
  const lists = {
    staples: [
      ['野菜', 'だいこん 1本'],
      ['卵・乳製品', '牛乳 1000ml'],
      ['米・パン・麺', '食パン 6枚切'],
    ],
    'spread, through the categories': SPREAD,
  } as const;

  for (const [name, items] of Object.entries(lists)) {
    it(`measures the presses for three given items in different categories (${name})`, async () => {
      const household = name === 'staples' ? 3 : 7;
      await openTv(page, server.baseUrl, demoBoxToken(household));
      await waitForRoute(page, 'home');
      const keys = counter();
      const cats = categories();
      await keys.press('Enter');
      await waitForRoute(page, 'shop');
      await waitForText('野菜');
      if (name === 'staples') await screenshot(page, 'shop-menu');
      let at = 0;
      const expected: Array<{ id: number; priceYen: number }> = [];
      for (const [i, [category, item]] of items.entries()) {
        const catIndex = cats.findIndex((c) => c.name === category);
        await walk(CATEGORY_GRID(cats.length), at, catIndex, keys.press);
        expect(await focusedLabel(page)).toMatch(new RegExp(`^${category}、\\d+品$`));
        at = catIndex;
        await keys.press('Enter');
        await page.waitForFunction(() => {
          const h = (
            globalThis as unknown as { __engawa?: { route: string; ready: boolean; isNavigating(): boolean } }
          ).__engawa;
          return !!h && h.route.startsWith('shop/list/category/') && !h.isNavigating() && h.ready;
        });
        await waitForText('重さ'); // the detail line appears once the list has loaded
        const list = productsOf(cats[catIndex]!.id);
        const pos = list.findIndex((p) => p.name === item);
        expect(pos).toBeGreaterThan(0); // not the first of its list
        await walk(PRODUCT_GRID(list.length), 0, pos, keys.press);
        expect(await focusedLabel(page)).toMatch(new RegExp(`^${item.replace(/[()（）]/g, '.')}、税込`));
        await keys.press('Enter');
        expect(await focusedLabel(page)).toContain('カートに1点');
        if (name === 'staples' && i === 1) await screenshot(page, 'shop-products');
        expected.push(list[pos]!);
        if (i < items.length - 1) {
          await keys.press('Backspace');
          await waitForRoute(page, 'shop');
          expect(await focusedLabel(page)).toMatch(new RegExp(`^${category}、`));
        }
      }
      await keys.press('Yellow');
      await waitForRoute(page, 'shop/cart');
      await waitForText('注文する（');
      await keys.press('Enter'); // the summary
      await waitForText('ご注文の確認');
      await keys.press('Enter');
      await waitForText('注文を受け付けました');
      console.log(`shop: key presses for three given items through the categories (${name}): ${keys.count}`);
      const placed = await server.db.select().from(orders).where(eq(orders.householdId, household)).all();
      expect(placed).toHaveLength(1);
      const lines = server.sqlite
        .prepare<[number], { productId: number; qty: number }>(
          'SELECT product_id AS productId, qty FROM order_lines WHERE order_id = ? ORDER BY product_id',
        )
        .all(placed[0]!.id);
      expect(lines).toEqual(
        expected.map((p) => ({ productId: p.id, qty: 1 })).sort((a, b) => a.productId - b.productId),
      );
      expect(placed[0]!.totalYen).toBe(expected.reduce((s, p) => s + p.priceYen, 0));
      if (name === 'staples') expect(keys.count).toBeLessThanOrEqual(20);
    });
  }

  it('measures the presses for three given items in different categories (spread), through よく買うもの', async () => {
    // Household 4 has had three deliveries these weeks (placed as the TV would and carried to the
    // hall), so the shop home opens on its よく買うもの row. Its history holds the three given items
    // among others, each bought a different number of times: the row's order is the server's, read
    // back from the same query, and the path walks it with the row's own arrow moves.
    const household = 4;
    const id = (name: string) =>
      server.sqlite.prepare<[string], { id: number }>('SELECT id FROM products WHERE name = ?').get(name)!.id;
    const line = (name: string) => ({ productId: id(name), qty: 1 });
    const [spinach, tissues, masks] = SPREAD.map(([, item]) => item);
    await pastOrder(
      server.db,
      household,
      [line(spinach), line('牛乳 1000ml'), line(tissues)],
      new Date('2026-11-03T00:00:00Z'),
    );
    await pastOrder(
      server.db,
      household,
      [line(spinach), line(masks), line('たまご 10個')],
      new Date('2026-11-10T00:00:00Z'),
    );
    await pastOrder(
      server.db,
      household,
      [line('牛乳 1000ml'), line(spinach), line(masks), line('食パン 6枚切')],
      new Date('2026-11-17T00:00:00Z'),
    );
    const row = await listFrequentProducts(server.db, household);
    const targets = SPREAD.map(([, item]) => row.findIndex((p) => p.name === item));
    expect(targets.every((t) => t >= 0)).toBe(true);
    expect(new Set(SPREAD.map(([, item]) => row.find((p) => p.name === item)!.categoryId)).size).toBe(3);

    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    const keys = counter();
    await keys.press('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('よく買うもの');
    expect(await focusedLabel(page)).toBe(`${row[0]!.name}、税込${row[0]!.priceYen}円`);
    await page.waitForTimeout(300); // let the focus animation settle
    await screenshot(page, 'shop-frequent');
    let at = 0;
    for (const t of [...targets].sort((a, b) => a - b)) {
      await walk(FREQUENT_ROW(row.length), at, t, keys.press);
      at = t;
      expect(await focusedLabel(page)).toBe(`${row[t]!.name}、税込${row[t]!.priceYen}円`);
      await keys.press('Enter');
      expect(await focusedLabel(page)).toBe(`${row[t]!.name}、税込${row[t]!.priceYen}円、カートに1点`);
    }
    await screenshot(page, 'shop-frequent-added');
    await keys.press('Yellow');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（');
    await keys.press('Enter'); // the summary
    await waitForText('この内容で注文する');
    await keys.press('Enter');
    await waitForText('注文を受け付けました');
    console.log(
      `shop: key presses for three given items spread over categories, through よく買うもの: ${keys.count}`,
    );
    const placed = (
      await server.db.select().from(orders).where(eq(orders.householdId, household)).all()
    ).filter((o) => o.status === 'received');
    expect(placed).toHaveLength(1);
    const lines = server.sqlite
      .prepare<[number], { productId: number; qty: number }>(
        'SELECT product_id AS productId, qty FROM order_lines WHERE order_id = ? ORDER BY product_id',
      )
      .all(placed[0]!.id);
    expect(lines).toEqual(
      SPREAD.map(([, item]) => ({ productId: id(item), qty: 1 })).sort((a, b) => a.productId - b.productId),
    );
    expect(keys.count).toBeLessThanOrEqual(15);

    // The arrows-and-決定 path to the categories is still there: ↓ from the row to the first
    // category row, ↑ back.
    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await waitForText('よく買うもの');
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toMatch(/^野菜、\d+品$/);
    await press(page, 'ArrowUp');
    expect(await focusedLabel(page)).toContain('、税込');
    // …and down through the categories (they scroll under the row) to the actions below them.
    const rows = Math.ceil(categories().length / 4);
    await press(page, 'ArrowDown', rows);
    expect(await focusedLabel(page)).toMatch(new RegExp(`^${categories()[(rows - 1) * 4]!.name}、\\d+品$`));
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('お気に入り。青ボタンでもできます');
    await page.waitForTimeout(300); // let the focus animation settle
    await screenshot(page, 'shop-frequent-actions');
  });
});

/** The keys of §7's rule: everything must work with these alone (colour keys are shortcuts). */
type PlainKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Backspace';
const plain = (key: PlainKey, times = 1) => press(page, key, times);

/** The four margins outside the safe area, which nothing on a page may draw into. */
const MARGINS = [
  { x: 0, y: 0, width: 80, height: 1080 },
  { x: 0, y: 0, width: 1920, height: 50 },
];
const marginShots = () => Promise.all(MARGINS.map((clip) => page.screenshot({ clip })));

describe('TV shopping without colour keys', () => {
  it('reaches favourites, order status, same as last time and the cart from the shop home with arrows and 決定', async () => {
    const product = (name: string) =>
      server.sqlite.prepare<[string], { id: number }>('SELECT id FROM products WHERE name = ?').get(name)!;
    await placeOrder(
      server.db,
      { idempotencyKey: 'arrows-last-0001', lines: [{ productId: product('たまご 10個').id, qty: 1 }] },
      { householdId: 5, channel: 'tv', actor: { type: 'device', id: 5 } },
      new Date('2026-11-17T00:00:00Z'),
    );
    await openTv(page, server.baseUrl, demoBoxToken(5));
    await waitForRoute(page, 'home');
    await plain('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('野菜');
    await page.waitForFunction(
      () => (globalThis as unknown as { __engawa?: { ready: boolean } }).__engawa?.ready,
    );
    const firstMargins = await marginShots();
    const cats = categories();
    const lastRowStart = Math.floor((cats.length - 1) / 4) * 4;
    const toActions = async () => {
      await walk(CATEGORY_GRID(cats.length), 0, lastRowStart, (k) => press(page, k));
      await plain('ArrowDown');
    };

    await toActions();
    expect(await focusedLabel(page)).toBe('お気に入り。青ボタンでもできます');
    expect(await textOnScreen('注文の状況')).toBe(true);
    await plain('ArrowUp'); // back to the last category row, same column
    expect(await focusedLabel(page)).toMatch(new RegExp(`^${cats[lastRowStart]!.name}、\\d+品$`));
    await plain('ArrowDown');
    await plain('Enter');
    await waitForRoute(page, 'shop/list/favourites/0');
    await plain('Backspace');
    await waitForRoute(page, 'shop');
    // Focus comes back to the tile just used.
    expect(await focusedLabel(page)).toBe('お気に入り。青ボタンでもできます');
    // The page kept by the router is drawn where it was: nothing in the margins.
    await page.waitForFunction(
      () => (globalThis as unknown as { __engawa?: { ready: boolean } }).__engawa?.ready,
    );
    await page.waitForTimeout(300); // let the focus animation settle
    await screenshot(page, 'shop-reentered');
    expect(await marginShots()).toEqual(firstMargins);

    await plain('ArrowRight');
    expect(await focusedLabel(page)).toBe('注文の状況。赤ボタンでもできます');
    await plain('Enter');
    await waitForRoute(page, 'shop/orders');
    await waitForText('11月17日');
    await plain('Backspace');
    await waitForRoute(page, 'shop');

    await plain('ArrowRight');
    expect(await focusedLabel(page)).toBe('前回と同じ。緑ボタンでもできます');
    await plain('Enter');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（258円）');
    await plain('Backspace');
    await waitForRoute(page, 'shop');
    await waitForText('カート（1点）');

    await plain('ArrowRight');
    expect(await focusedLabel(page)).toBe('カート（1点）。黄ボタンでもできます');
    await plain('Enter');
    await waitForRoute(page, 'shop/cart');
    await waitForText('注文する（258円）');
    await screenshot(page, 'shop-cart-by-arrows');
  });

  it('places an order, changes it on the product card and cancels it with arrows, 決定 and 戻る only', async () => {
    const household = 6;
    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    await plain('Enter');
    await waitForRoute(page, 'shop');
    await waitForText('野菜');
    const cats = categories();
    await plain('Enter'); // the first category
    await waitForRoute(page, `shop/list/category/${cats[0]!.id}`);
    await waitForText('重さ');
    const list = productsOf(cats[0]!.id);
    // ↓ to the bottom row of cards (the bar acts on the card chosen there), then onto the bar.
    const shape = PRODUCT_GRID(list.length);
    let at = 0;
    for (let next = gridMove(at, 'Down', shape); next !== null; next = gridMove(at, 'Down', shape)) {
      await plain('ArrowDown');
      at = next;
    }
    const item = list[at]!;
    await plain('Enter', 2);
    expect(await focusedLabel(page)).toBe(`${item.name}、税込${item.priceYen}円、カートに2点`);
    await plain('ArrowDown');
    expect(await focusedLabel(page)).toBe('お気に入り。青ボタンでもできます');
    await plain('ArrowRight');
    expect(await focusedLabel(page)).toBe('1つ減らす。赤ボタンでもできます');
    await screenshot(page, 'shop-products-action-bar');
    await plain('Enter');
    await plain('ArrowLeft');
    await plain('Enter'); // お気に入り, for the same card
    await waitForText('お気に入りに入れました');
    expect(
      await server.db.select().from(favourites).where(eq(favourites.householdId, household)).all(),
    ).toContainEqual(expect.objectContaining({ productId: item.id }));
    await plain('ArrowUp');
    expect(await focusedLabel(page)).toBe(`${item.name}、税込${item.priceYen}円、カートに1点`);
    await plain('ArrowDown');
    await plain('ArrowRight', 2);
    expect(await focusedLabel(page)).toBe('カート。黄ボタンでもできます');
    await plain('Enter');
    await waitForRoute(page, 'shop/cart');
    await waitForText(`注文する（${item.priceYen.toLocaleString('ja-JP')}円）`);
    await plain('Enter'); // the summary
    await waitForText('ご注文の確認');
    await plain('Enter'); // この内容で注文する
    await toOrderStatus();
    await waitForText('受付');
    const placed = await server.db.select().from(orders).where(eq(orders.householdId, household)).all();
    expect(placed).toHaveLength(1);
    expect(placed[0]!.totalYen).toBe(item.priceYen);

    await plain('ArrowDown'); // past the only order, onto 注文を取り消す
    expect(await focusedLabel(page)).toBe('注文を取り消す。赤ボタンでもできます');
    await page.waitForFunction(
      () =>
        !(globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some(
          (t) => t.includes('お気に入りに入れました'),
        ),
      undefined,
      { timeout: 15_000 },
    ); // the toast from the product screen would hide the bar
    await screenshot(page, 'shop-orders-action-bar');
    await plain('Enter');
    await waitForText('この注文を取り消しますか');
    await plain('Backspace'); // やめる: the order stays
    await page.waitForFunction(
      () =>
        !(globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some(
          (t) => t.includes('この注文を取り消しますか'),
        ),
    );
    expect((await server.db.select().from(orders).where(eq(orders.id, placed[0]!.id)).get())!.status).toBe(
      'received',
    );
    await plain('Enter');
    await waitForText('この注文を取り消しますか');
    await plain('Enter');
    await waitForText('注文を取り消しました');
    expect((await server.db.select().from(orders).where(eq(orders.id, placed[0]!.id)).get())!.status).toBe(
      'cancelled',
    );
  });
});

// The grids' shapes, as the TV app lays them out (4 columns; categories scroll by rows in reading
// order, products come 4 × 3 a page).
const CATEGORY_GRID = (count: number): GridShape => ({ count, columns: 4, rows: 5, mode: 'wrap' });
/** よく買うもの on the shop home: one row of four on screen, → off its edge shows the next four. */
const FREQUENT_ROW = (count: number): GridShape => ({ count, columns: 4, rows: 1, mode: 'page' });

const PRODUCT_GRID = (count: number): GridShape => ({ count, columns: 4, rows: 3, mode: 'page' });

const ARROW: Record<GridKey, TvKey> = {
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Up: 'ArrowUp',
  Down: 'ArrowDown',
};

/** Presses the shortest arrow path from one card to another (breadth-first over the app's own moves). */
async function walk(shape: GridShape, from: number, to: number, pressKey: (key: TvKey) => Promise<void>) {
  const prev = new Map<number, [number, GridKey]>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0 && !seen.has(to)) {
    const i = queue.shift()!;
    for (const key of ['Left', 'Right', 'Up', 'Down'] as const) {
      const j = gridMove(i, key, shape);
      if (j === null || seen.has(j)) continue;
      seen.add(j);
      prev.set(j, [i, key]);
      queue.push(j);
    }
  }
  expect(seen.has(to)).toBe(true);
  const path: GridKey[] = [];
  for (let i = to; i !== from; i = prev.get(i)![0]) path.unshift(prev.get(i)![1]);
  for (const key of path) await pressKey(ARROW[key]);
}

const categories = () =>
  server.sqlite
    .prepare<[], { id: number; name: string }>('SELECT id, name FROM categories ORDER BY sort, id')
    .all();

/** A category's products in the TV's order (active ones, by id). */
const productsOf = (categoryId: number) =>
  server.sqlite
    .prepare<[number], { id: number; name: string; priceYen: number }>(
      'SELECT id, name, price_yen AS priceYen FROM products WHERE category_id = ? AND active = 1 ORDER BY id',
    )
    .all(categoryId);
