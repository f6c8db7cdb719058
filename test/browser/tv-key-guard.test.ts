/**
 * A held or bouncing key never buys, books or cancels (issue #14): the TV ignores a held key's
 * auto-repeats and every press that comes within a quiet moment of a screen change
 * (tv-app/src/lib/keyGuard.ts). Keys go in as the remote sends them, over CDP: a 40 ms burst of 25
 * keys, and a held key (one keydown, then the keyboard's auto-repeats with `repeat: true`).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { orders, places, taxiBookings } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  hook,
  navigateTv,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForKeyGuard,
  waitForReady,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';
import { placeOrder } from '../../server/src/shop/place-order.js';

let server: TestServer;
let page: Page;

// Tue 24 Nov 2026 09:30 in Tokyo: before the shop's 11:00 cut-off, and a taxi service day.
useTvSuite({ now: '2026-11-24T00:30:00Z' }, (s) => ({ server, page } = s));

const KEYS = {
  Enter: { code: 13, key: 'Enter' },
  Backspace: { code: 8, key: 'Backspace' },
  Red: { code: 403, key: 'Red' },
  Yellow: { code: 405, key: 'Yellow' },
} as const;
type RawKey = keyof typeof KEYS;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A remote sends its keys on its own clock, whatever the TV is busy with: each key carries the
 * time it was pressed (CDP `timestamp`, which becomes `event.timeStamp`), and the keys are sent
 * without waiting for the page to finish the one before (awaiting each would space them by the
 * page's own work, not by the remote's 40 ms).
 */
async function sendKeys(
  p: Page,
  presses: Array<{ key: RawKey; atMs: number; repeat?: boolean; up?: boolean }>,
) {
  const cdp = await p.context().newCDPSession(p);
  const t0 = Date.now();
  const sent: Array<Promise<unknown>> = [];
  for (const k of presses) {
    const wait = t0 + k.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    const { code, key } = KEYS[k.key];
    const ev = { windowsVirtualKeyCode: code, nativeVirtualKeyCode: code, key, code: key };
    const timestamp = (t0 + k.atMs) / 1000;
    sent.push(
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: !!k.repeat, timestamp, ...ev }),
    );
    if (k.up !== false)
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp: timestamp + 0.01, ...ev }));
  }
  await Promise.all(sent);
  await cdp.detach();
}

/** Waits until the app has received `count` more keys, then for the screen to settle; returns how many the guard ignored. */
async function afterKeys(p: Page, run: () => Promise<void>, count: number): Promise<number> {
  // The first key is a resident's deliberate press: it comes after the screen has settled.
  await waitForKeyGuard(p);
  const before = await hook<number>(p, 'h.keysHandled');
  const ignoredBefore = await hook<number>(p, 'h.keysIgnored');
  await run();
  await p.waitForFunction(`window.__engawa.keysHandled >= ${before + count}`, undefined, { timeout: 15_000 });
  await settle(p);
  return (await hook<number>(p, 'h.keysIgnored')) - ignoredBefore;
}

/** A bouncing or mashed remote: `keys` pressed and released `gapMs` apart. */
function burst(p: Page, keys: RawKey[], gapMs = 40): Promise<number> {
  return afterKeys(
    p,
    () =>
      sendKeys(
        p,
        keys.map((key, i) => ({ key, atMs: i * gapMs })),
      ),
    keys.length,
  );
}

/** A held key: one keydown, then `repeats` auto-repeats 33 ms apart (a remote's rate), then keyup. */
function hold(p: Page, key: RawKey, repeats = 20): Promise<number> {
  const presses = Array.from({ length: repeats + 1 }, (_, i) => ({
    key,
    atMs: i * 33,
    repeat: i > 0,
    up: i === repeats,
  }));
  return afterKeys(p, () => sendKeys(p, presses), repeats + 1);
}

/** After the keys: the quiet moment has passed, any request a key made has gone out, the screen is drawn. */
async function settle(p: Page): Promise<void> {
  await waitForKeyGuard(p);
  await p.waitForFunction('!window.__engawa.isNavigating()', undefined, { timeout: 15_000 });
  await waitForReady(p);
}

const onScreen = async (needle: string) => (await visibleTexts(page)).some((t) => t.includes(needle));
async function waitForText(needle: string): Promise<void> {
  try {
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some(
          (t) => t.includes(n),
        ),
      needle,
      { timeout: 15_000 },
    );
  } catch (e) {
    throw new Error(`"${needle}" not on screen; saw: ${JSON.stringify(await visibleTexts(page))}`, {
      cause: e,
    });
  }
}

const ordersOf = async (householdId: number) =>
  await server.db.select().from(orders).where(eq(orders.householdId, householdId)).all();
const bookingsOf = async (householdId: number) =>
  await server.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, householdId)).all();

/** Yellow and 決定 in turn, 25 keys: the sequence that placed a real order before the guard. */
const YELLOW_ENTER = Array.from({ length: 25 }, (_, i): RawKey => (i % 2 === 0 ? 'Yellow' : 'Enter'));

describe('TV key guard: a held or bouncing key never buys, books or cancels', () => {
  it('never places an order from a burst or a held 決定, and a deliberate press after the summary does', async () => {
    const household = 1;
    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await press(page, 'Blue'); // お気に入り
    await waitForRoute(page, 'shop/list/favourites/0');
    await waitForText('たまご 10個');
    await press(page, 'Enter'); // たまご 10個 into the cart
    expect(await focusedLabel(page)).toContain('カートに1点');

    // 1. From the product list: 黄 opens the cart, and nothing of the burst after it counts.
    const fromList = await burst(page, YELLOW_ENTER);
    expect(await hook<string>(page, 'h.route')).toBe('shop/cart');
    expect(await ordersOf(household)).toEqual([]);
    console.log(`key guard: burst of 25 on the product list, ${fromList} ignored`);
    expect(fromList).toBeGreaterThanOrEqual(20);
    expect(await focusedLabel(page)).toBe('注文する（258円）');

    // 2. A held 決定 on 注文する: the first keydown shows the summary, its repeats do nothing.
    const held = await hold(page, 'Enter');
    expect(held).toBe(20);
    expect(await onScreen('ご注文の確認')).toBe(true);
    expect(await ordersOf(household)).toEqual([]);

    // 3. 戻る returns to the cart as it was.
    await press(page, 'Backspace');
    expect(await onScreen('ご注文の確認')).toBe(false);
    expect(await focusedLabel(page)).toBe('注文する（258円）');
    expect(await ordersOf(household)).toEqual([]);
    await screenshot(page, 'order-cart');

    // 4. The same burst on the cart: 黄 shows the summary, the 決定 after it are swallowed.
    const onCart = await burst(page, YELLOW_ENTER);
    console.log(`key guard: burst of 25 on the cart, ${onCart} ignored`);
    expect(onCart).toBeGreaterThanOrEqual(20);
    expect(await onScreen('ご注文の確認')).toBe(true);
    expect(await ordersOf(household)).toEqual([]);

    // 5. The summary says what will happen, on screen and aloud.
    expect(await focusedLabel(page)).toBe('この内容で注文する');
    const texts = (await visibleTexts(page)).join(' ');
    expect(texts).toContain('たまご 10個 × 1');
    expect(texts).toContain('合計 1点\u3000258円（税込）');
    expect(texts).toContain('お届け：今日 11月24日（火）の夕方、');
    expect(texts).toContain('ケーブルテレビの料金と一緒に');
    const said = (await spoken(page)).map((u) => u.text);
    expect(said).toContainEqual(
      expect.stringMatching(/^ご注文の確認。たまご 10個、1点、258円。合計、1点、258円。お届けは、/),
    );
    await screenshot(page, 'order-summary');

    // 6. A deliberate 決定 a moment later places exactly one order.
    await press(page, 'Enter');
    await waitForText('注文を受け付けました');
    expect(await ordersOf(household)).toHaveLength(1);
    expect((await ordersOf(household))[0]).toMatchObject({
      totalYen: 258,
      status: 'received',
      channel: 'tv',
    });
  });

  it('never cancels an order from a burst or a held key on the status screen', async () => {
    const household = 6;
    const product = server.sqlite
      .prepare<[string], { id: number }>('SELECT id FROM products WHERE name = ?')
      .get('たまご 10個')!;
    const placed = await placeOrder(
      server.db,
      { idempotencyKey: 'key-guard-cancel-0001', lines: [{ productId: product.id, qty: 1 }] },
      { householdId: household, channel: 'tv', actor: { type: 'device', id: household } },
      new Date('2026-11-24T00:30:00Z'),
    );
    const status = async () =>
      (await server.db.select().from(orders).where(eq(orders.id, placed.order.id)).get())!.status;
    await openTv(page, server.baseUrl, demoBoxToken(household));
    await waitForRoute(page, 'home');
    // Straight to 注文の状況 (shop-order.test.ts walks there by keys).
    await navigateTv(page, 'shop/orders');
    await waitForText('受付');

    // 赤 asks 「取り消しますか」; the 決定 of the burst that follow must not answer it.
    const ignored = await burst(
      page,
      Array.from({ length: 25 }, (_, i): RawKey => (i % 2 === 0 ? 'Red' : 'Enter')),
    );
    console.log(`key guard: burst of 25 (赤, 決定) on the order status, ${ignored} ignored`);
    expect(await onScreen('この注文を取り消しますか')).toBe(true);
    expect(await status()).toBe('received');
    await press(page, 'Backspace'); // やめる
    expect(await onScreen('この注文を取り消しますか')).toBe(false);

    // A held 決定 on 注文を取り消す: the question comes up once, the repeats do not answer it.
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('注文を取り消す。赤ボタンでもできます');
    expect(await hold(page, 'Enter')).toBe(20);
    expect(await onScreen('この注文を取り消しますか')).toBe(true);
    expect(await status()).toBe('received');

    // A held 赤 from the list: the same.
    await press(page, 'Backspace');
    expect(await hold(page, 'Red')).toBe(20);
    expect(await status()).toBe('received');

    // The resident means it: 決定 after a moment cancels.
    await press(page, 'Enter');
    await waitForText('注文を取り消しました');
    expect(await status()).toBe('cancelled');
  });

  it('never books or cancels a taxi from a burst or a held 決定', async () => {
    // Household 3's booking, made on the phone, to be cancelled on the TV.
    const place = (await server.db.select().from(places).where(eq(places.name, '長谷診療所')).get())!;
    const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(3)}` },
      body: JSON.stringify({
        idempotencyKey: 'key-guard-taxi-0001',
        riderIds: [4],
        from: { kind: 'home' },
        to: { kind: 'place', placeId: place.id },
        timeKind: 'arrive_by',
        time: '10:45',
      }),
    });
    expect(((await res.json()) as { status: string }).status).toBe('accepted');

    // Booking, household 1: 決定 alone walks the steps, so a burst is the worst case.
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await waitForText('今日の予約をする');
    const menuBurst = await burst(
      page,
      Array.from({ length: 25 }, (): RawKey => 'Enter'),
    );
    console.log(`key guard: burst of 25 決定 on the taxi menu, ${menuBurst} ignored`);
    expect(menuBurst).toBe(24);
    expect(await onScreen('どこへ行きますか')).toBe(true);
    expect(await hold(page, 'Enter')).toBe(20); // → 時刻の決め方 only
    expect(await onScreen('時刻の決め方')).toBe(true);
    await press(page, 'Enter'); // 着きたい時刻
    await waitForText('何時までに着きたいですか');
    await press(page, 'Enter');
    await waitForText('何人で乗りますか');
    // 決定 on the riders step shows the confirmation; the rest of the burst must not answer it.
    expect(
      await burst(
        page,
        Array.from({ length: 25 }, (): RawKey => 'Enter'),
      ),
    ).toBe(24);
    await waitForText('この内容で予約しますか');
    expect(await bookingsOf(1)).toEqual([]);
    await press(page, 'Enter'); // deliberate
    await waitForText('予約できました');
    expect(await bookingsOf(1)).toHaveLength(1);

    // Cancelling, household 3: 予約の確認 → the booking → この予約を取り消す.
    await openTv(page, server.baseUrl, demoBoxToken(3));
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await waitForText('予約の確認');
    await press(page, 'ArrowDown');
    expect(
      await burst(
        page,
        Array.from({ length: 25 }, (): RawKey => 'Enter'),
      ),
    ).toBe(24); // → the list
    expect(await hold(page, 'Enter')).toBe(20); // → the booking, この予約を取り消す focused
    expect(await focusedLabel(page)).toBe('この予約を取り消す');
    const booked = async () => (await bookingsOf(3))[0]!.status;
    expect(await booked()).toBe('booked');
    await press(page, 'Enter'); // deliberate
    await waitForText('予約を取り消しました');
    expect(await booked()).toBe('cancelled');
  });
});
