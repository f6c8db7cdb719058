import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { and, eq, gt } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { cartLines, favourites, orders, products } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  newTvPage,
  openTv,
  press,
  pressColourKey,
  waitForKeyGuard,
  screenshot,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer, startTestServer } from '../helpers/server.js';
import { useTvSuite, type TvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;
let suite: TvSuite;

// Tue 24 Nov 2026 09:00 in Tokyo: before the cut-off on a delivery day.
useTvSuite({ now: '2026-11-24T00:00:00Z' }, (s) => {
  ({ server, page } = s);
  suite = s;
});

const hasText = (p: Page, needle: string) =>
  p.waitForFunction(
    (n) =>
      (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some((t) =>
        t.includes(n),
      ),
    needle,
    { timeout: 15_000 },
  );

const productId = async (name: string) =>
  (await server.db.select({ id: products.id }).from(products).where(eq(products.name, name)).get())!.id;

/** The household's cart as the server keeps it: productId → qty, lines with qty > 0 only. */
const serverCart = async (householdId: number) =>
  Object.fromEntries(
    (
      await server.db
        .select({ id: cartLines.productId, qty: cartLines.qty })
        .from(cartLines)
        .where(and(eq(cartLines.householdId, householdId), gt(cartLines.qty, 0)))
        .all()
    ).map((l) => [l.id, l.qty]),
  );

async function until(what: string, check: () => boolean | Promise<boolean>, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** From the home screen with the remote: 決定 (お買い物), 黄 (カート); waits for the cart's total. */
async function openCart(p: Page, total: string) {
  await waitForRoute(p, 'home');
  await press(p, 'Enter');
  await waitForRoute(p, 'shop');
  await press(p, 'Yellow');
  await waitForRoute(p, 'shop/cart');
  await hasText(p, total);
}

describe('the cart kept on the server', () => {
  it('survives a reload and the TV being switched off, and is empty once ordered', async () => {
    const eggs = await productId('たまご 10個');
    const milk = await productId('牛乳 1000ml');
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await press(page, 'Blue');
    await waitForRoute(page, 'shop/list/favourites/0');
    await hasText(page, 'たまご 10個');
    await press(page, 'Enter'); // たまご ×1
    await press(page, 'ArrowRight');
    await press(page, 'Enter'); // 牛乳 ×1
    await press(page, 'Enter'); // … ×2
    await until(
      'the cart saved',
      async () => JSON.stringify(await serverCart(1)) === JSON.stringify({ [eggs]: 1, [milk]: 2 }),
    );

    const total = `注文する（${(258 + 2 * 238).toLocaleString('ja-JP')}円）`;
    // A reload comes back to the same list: the cards show the quantities read from the server.
    await page.reload();
    await waitForRoute(page, 'shop/list/favourites/0');
    await hasText(page, '2点');
    expect(await focusedLabel(page)).toBe('たまご 10個、税込258円、カートに1点');
    await press(page, 'Yellow');
    await waitForRoute(page, 'shop/cart');
    await hasText(page, total);
    expect(await focusedLabel(page)).toBe(total);
    expect(await visibleTexts(page)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('たまご 10個\u30001点\u3000258円'),
        expect.stringContaining('牛乳 1000ml\u30002点\u3000476円'),
      ]),
    );

    // "Switched off": a new browser context has nothing of the old one but the box's token.
    await suite.context.close();
    ({ context: suite.context, page } = await newTvPage(suite.browser));
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await openCart(page, total);
    expect(await hasText(page, '3点・合計 734円')).toBeTruthy();
    await screenshot(page, 'cart-after-switch-off');

    await press(page, 'Enter'); // 注文する: the summary
    await hasText(page, 'この内容で注文する');
    await press(page, 'Enter');
    await hasText(page, '注文を受け付けました');
    const placed = await server.db.select().from(orders).where(eq(orders.householdId, 1)).all();
    expect(placed).toHaveLength(1);
    expect(placed[0]!.totalYen).toBe(734);
    expect(await serverCart(1)).toEqual({});
    await press(page, 'Enter');
    await waitForRoute(page, 'shop/orders');
    await suite.context.close();
    ({ context: suite.context, page } = await newTvPage(suite.browser));
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await openCart(page, 'カートは空です');
  });

  it('ends three quick ★ presses in the last press’s state, on screen and after a reload', async () => {
    const eggs = await productId('たまご 10個');
    const isFavourite = async () =>
      (
        await server.db
          .select()
          .from(favourites)
          .where(and(eq(favourites.householdId, 1), eq(favourites.productId, eggs)))
          .all()
      ).length === 1;
    expect(await isFavourite()).toBe(true);
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await press(page, 'Blue');
    await waitForRoute(page, 'shop/list/favourites/0');
    await hasText(page, '★たまご 10個');
    // A slow line: the test holds the server's answers and lets the first one arrive between the
    // second and the third press, the case where a page that sent "the opposite of what the card
    // shows" per press ended on "on" (p1 off, p2 off again, answer, p3 on).
    const held: Route[] = [];
    let holding = true;
    await page.route('**/api/shop/favourites/**', (route) =>
      holding ? void held.push(route) : route.continue(),
    );
    // The key guard ignores keys just after a screen change: wait until a press would act.
    await waitForKeyGuard(page);
    await pressColourKey(page, 'Blue'); // on → off
    await until('the first request sent', () => held.length === 1);
    await page.waitForTimeout(40);
    await pressColourKey(page, 'Blue'); // off → on
    await page.waitForTimeout(40);
    const answered = page.waitForResponse((r) => r.url().includes('/api/shop/favourites/'));
    await held.shift()!.continue();
    await answered;
    await page.waitForTimeout(200); // let the page take the answer in
    await pressColourKey(page, 'Blue'); // on → off
    await page.waitForTimeout(40);
    holding = false;
    for (const r of held.splice(0)) await r.continue();
    await until('the three presses handled', async () =>
      (await visibleTexts(page)).some((t) => t === 'たまご 10個'),
    );
    await until('the server to settle on "not a favourite"', async () => !(await isFavourite()));
    await page.waitForTimeout(500); // any late request would have landed by now
    expect(await isFavourite()).toBe(false);
    expect(await visibleTexts(page)).not.toContain('★たまご 10個');
    await screenshot(page, 'cart-favourite-off');

    await page.reload(); // comes back to the favourites, read again from the server
    await waitForRoute(page, 'shop/list/favourites/0');
    await hasText(page, '★牛乳 1000ml');
    expect((await visibleTexts(page)).some((t) => t.includes('たまご 10個'))).toBe(false);
  });

  it('keeps the cart on the TV and says so when the server cannot be reached, then saves it', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(3));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await hasText(page, '野菜');
    await press(page, 'Enter'); // the first category
    await page.waitForFunction(() =>
      (globalThis as unknown as { __engawa?: { route: string } }).__engawa?.route.startsWith(
        'shop/list/category/',
      ),
    );
    await until('the products drawn', async () => ((await focusedLabel(page)) ?? '').includes('税込'));
    const first = (await focusedLabel(page))!.split('、')[0]!;
    await page.route('**/api/shop/cart/**', (route) => route.abort('internetdisconnected'));
    await press(page, 'Enter');
    await hasText(page, '通信できません。カートはこのテレビにだけあります。');
    await screenshot(page, 'cart-offline');
    expect(await focusedLabel(page)).toContain('カートに1点');
    expect(await serverCart(3)).toEqual({});

    await page.unroute('**/api/shop/cart/**');
    await press(page, 'Yellow');
    await waitForRoute(page, 'shop/cart');
    await hasText(page, first);
    await until(
      'the cart saved once the server answers',
      async () => Object.values(await serverCart(3)).join() === '1',
    );
  });
});

describe('a box sees only its own household’s cart', () => {
  it('keeps two households’ carts apart', async () => {
    const own = await startTestServer({ now: '2026-11-24T00:00:00Z' });
    try {
      const call = (box: number, method: string, path: string, body?: unknown) =>
        fetch(`${own.baseUrl}/api/shop${path}`, {
          method,
          headers: { Authorization: `Bearer ${demoBoxToken(box)}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const eggs = (await own.db
        .select({ id: products.id })
        .from(products)
        .where(eq(products.name, 'たまご 10個'))
        .get())!.id;
      expect((await call(1, 'PUT', `/cart/lines/${eggs}`, { qty: 2, seq: 100 })).status).toBe(200);
      expect(await (await call(2, 'GET', '/cart')).json()).toEqual({ seq: 0, lines: [] });
      expect((await call(2, 'PUT', `/cart/lines/${eggs}`, { qty: 5, seq: 1 })).status).toBe(200);
      const mine = (await (await call(1, 'GET', '/cart')).json()) as { lines: { qty: number }[] };
      expect(mine.lines.map((l) => l.qty)).toEqual([2]);
    } finally {
      await own.close();
    }
  });
});
