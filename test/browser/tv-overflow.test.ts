import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { placeOrder } from '../../server/src/shop/place-order.js';
import { createReminder } from '../../server/src/watch/reminders.js';
import {
  focusedBox,
  focusedLabel,
  hook,
  openTv,
  press,
  screenshot,
  spoken,
  textBoxes,
  visibleTexts,
  waitForReady,
  waitForRoute,
  type Box,
  type TextBox,
  type TvKey,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

/**
 * Every resident-visible field filled to the most the server allows, then every screen walked with
 * the remote's keys: each label must lie inside the screen's safe area and inside its card, button
 * or tile, no two labels may overlap, the focused box may not reach over another label, and a text
 * shortened with 「…」 must be read aloud in full.
 *
 * The limits: product names 80 (save-product.ts), reminder texts 80 (reminders.ts, the family
 * form), contact and staff names 40 (household-contacts.ts, staff-accounts.ts). Resident, hamlet,
 * hall, category, seller and taxi place names have no limit in any schema; the test gives them 40,
 * the console's limit for a name.
 */

let server: TestServer;
let page: Page;

// Tue 24 Nov 2026 09:30 in Tokyo: a service day for the taxi and the shop.
const NOW = '2026-11-24T00:30:00Z';
useTvSuite({ now: NOW, pagePer: 'file' }, (s) => ({ server, page } = s));

const SHOTS = '/work/wt/fit-shots';
const SAFE: Box = { x: 96, y: 54, w: 1728, h: 972 };

/** `n` characters of `seed` repeated, ending in `tail` (which keeps names unique). */
const long = (seed: string, n: number, tail = '') =>
  seed.repeat(Math.ceil(n / seed.length)).slice(0, n - tail.length) + tail;

const PRODUCT = '北海道産特別栽培米ゆめぴりか（無洗米）5kg入り・ご予約品';
const REMINDER = '午後二時に病院の送迎があります。保険証とお薬手帳を玄関の棚から持って出てください。';
const NAME = '長谷川';

async function fillToTheMaximum(): Promise<{ reminderText: string; productName: string }> {
  const db = server.sqlite;
  const byId = (table: string, seed: string, n: number, column = 'name') => {
    const rows = db.prepare<[], { id: number }>(`SELECT id FROM ${table}`).all();
    const set = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`);
    for (const r of rows) set.run(long(seed, n, `${r.id}`), r.id);
  };
  byId('residents', `${NAME}さくら子`, 40);
  byId('households', `${NAME}家`, 40);
  byId('hamlets', '奥三面上ノ沢', 40);
  byId('hamlets', '奥三面上ノ沢地区コミュニティ消防センター', 40, 'hall_name');
  byId('categories', '季節の野菜と果物・産地直送', 40);
  byId('products', PRODUCT, 80);
  byId('sellers', '道の駅おくみおもて農産物直売所', 40);
  byId('places', '伊那中央病院附属リハビリテーションセンター', 40);
  const productName = db.prepare<[], { name: string }>('SELECT name FROM products ORDER BY id LIMIT 1').get()!
    .name;

  // Reminders of 80 characters: three confirmed in the last days (the お知らせ list) and one due
  // five minutes ago (shown full screen when the TV starts).
  const now = server.clock.now();
  const reminderText = long(REMINDER, 80);
  const reminder = await createReminder(
    server.db,
    { residentId: 1, text: reminderText, recurrence: 'daily', time: '09:00', startDate: '2026-11-20' },
    { staffId: 1 },
    now,
  );
  const occ = db.prepare(
    'INSERT INTO watch_reminder_occurrences (reminder_id, resident_id, due_at, confirmed_at) VALUES (?, 1, ?, ?)',
  );
  for (const daysAgo of [3, 2, 1]) {
    const due = now.getTime() - daysAgo * 86_400_000 - 30 * 60_000;
    occ.run(reminder.id, due, due + 60_000);
  }
  occ.run(reminder.id, now.getTime() - 5 * 60_000, null);

  // An order of many long lines, last week, now on its way by car with the base's reason.
  const products = db
    .prepare<[], { id: number }>(
      'SELECT id FROM products WHERE active = 1 AND (stock IS NULL OR stock > 5) ORDER BY weight_g LIMIT 12',
    )
    .all();
  const { order } = await placeOrder(
    server.db,
    { idempotencyKey: 'overflow-order-0001', lines: products.map((p) => ({ productId: p.id, qty: 1 })) },
    { householdId: 1, channel: 'tv', actor: { type: 'device', id: 1 } },
    new Date(now.getTime() - 60 * 60_000),
  );
  db.prepare(
    "UPDATE orders SET status = 'in_transit', delivery_mode = 'car', delivery_mode_reason = ? WHERE id = ?",
  ).run('風が強く、ドローンが飛べないため、本日は車でお届けします。到着が少し遅れます。', order.id);
  return { reminderText, productName };
}

const area = (a: Box, b: Box) => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 1 && h > 1 ? w * h : 0;
};
const inside = (a: Box, b: Box, slack = 2) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.w <= b.x + b.w + slack &&
  a.y + a.h <= b.y + b.h + slack;
const short = (t: TextBox) => `「${t.text.slice(0, 24)}」(${t.path})`;

/** What does not fit on the screen as it is now; [] when every label fits. */
async function misfits(): Promise<string[]> {
  // Let focus growth and fades finish: the boxes are read as drawn.
  await page.waitForTimeout(300);
  const all = (await textBoxes(page)).filter((t) => t.alpha > 0.05);
  // The hook measured what is on screen (a broken hook would make every screen "fit").
  expect(all.length).toBeGreaterThan(2);
  expect(all.map((t) => t.text).sort()).toEqual(
    (await visibleTexts(page)).filter((t) => t.trim() !== '').sort(),
  );
  const overlay = all.some((t) => t.layer === 'Overlay');
  // The overlay is opaque and covers the page; the toast covers the bottom of the page.
  const labels = overlay ? all.filter((t) => t.layer !== 'Page') : all;
  const focus = await focusedBox(page);
  const problems: string[] = [];
  for (const t of labels) {
    if (!inside(t.box, SAFE)) problems.push(`${short(t)} leaves the safe area: ${JSON.stringify(t.box)}`);
    if (!inside(t.box, t.container))
      problems.push(`${short(t)} leaves its box ${JSON.stringify(t.container)}`);
    if (focus && !overlay && t.layer === 'Page' && !inside(t.container, focus, 40) && area(t.box, focus) > 0)
      problems.push(`the focused box ${JSON.stringify(focus)} reaches over ${short(t)}`);
  }
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      if (a.layer !== b.layer) continue;
      if (area(a.box, b.box) > 0) problems.push(`${short(a)} overlaps ${short(b)}`);
    }
  return problems;
}

async function expectFits(name: string): Promise<TextBox[]> {
  await waitForReady(page);
  const path = await screenshot(page, `tv-overflow-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path, `${SHOTS}/overflow-${name}.png`);
  expect(await misfits(), name).toEqual([]);
  return textBoxes(page);
}

async function waitForText(needle: string): Promise<void> {
  await expect
    .poll(async () => (await visibleTexts(page)).some((t) => t.includes(needle)), { timeout: 20_000 })
    .toBe(true);
}

async function pressKeys(keys: TvKey[]): Promise<void> {
  for (const k of keys) await press(page, k);
}

/** Closes full-screen messages (a due reminder) with 決定, as the resident would. */
async function closeMessages(): Promise<void> {
  await waitForReady(page);
  for (let i = 0; i < 5 && (await hook<string[]>(page, 'h.focusPath')).includes('Overlay'); i++) {
    await press(page, 'Enter');
    await page.waitForTimeout(300);
  }
}

/** Spoken in full at some point (the recorder keeps every utterance). */
async function heard(text: string): Promise<boolean> {
  return (await spoken(page)).some((u) => u.text.includes(text));
}

describe('TV: every text fits its box at the longest the data allows', () => {
  let filled: { reminderText: string; productName: string };

  beforeAll(async () => {
    filled = await fillToTheMaximum();
  });

  it('fills every resident-visible field to its maximum', () => {
    expect(filled.reminderText).toHaveLength(80);
    expect(filled.productName).toHaveLength(80);
  });

  it('the due reminder full screen, then the home screen', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForText(filled.reminderText.slice(0, 10));
    await expectFits('reminder-full-screen');
    await expect.poll(() => heard(filled.reminderText)).toBe(true);
    await press(page, 'Enter');
    await waitForRoute(page, 'home');
    await waitForText(NAME);
    const boxes = await expectFits('home');
    // The greeting names the resident (40 characters) and is read aloud whole.
    const greeting = boxes.find((t) => t.text.includes(NAME))!;
    await expect.poll(() => heard(greeting.text.replace(/…$/, ''))).toBe(true);
  });

  it('the shop: categories, a product page with the bottom row focused, a toast, favourites, cart', async () => {
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    await waitForText('季節の野菜');
    await expectFits('shop-home');
    await press(page, 'Enter');
    await waitForText(PRODUCT.slice(0, 6));
    await expectFits('product-list');
    // The card's name is shortened on screen, read in full.
    expect(await focusedLabel(page)).toContain(filled.productName);
    await pressKeys(['ArrowDown', 'ArrowDown']);
    await expectFits('product-list-bottom-row');
    await press(page, 'Enter');
    await press(page, 'Blue');
    await waitForText('お気に入りに入れました');
    await expectFits('product-list-toast');
    await expect.poll(() => heard('お気に入りに入れました')).toBe(true);
    await press(page, 'Yellow');
    await waitForRoute(page, 'shop/cart');
    await waitForText('カート');
    await expectFits('cart');
    await press(page, 'Backspace');
    await press(page, 'Backspace');
    await waitForRoute(page, 'shop');
    await press(page, 'Blue');
    await waitForRoute(page, 'shop/list/favourites/0');
    await waitForText(PRODUCT.slice(0, 6));
    await expectFits('favourites');
  });

  it('the orders page: a car delivery of twelve long lines', async () => {
    await press(page, 'Backspace');
    await waitForRoute(page, 'shop');
    await press(page, 'Red');
    await waitForRoute(page, 'shop/orders');
    await waitForText('配送中');
    await expectFits('orders');
    expect(await focusedLabel(page)).toContain('配送中');
    await pressKeys(['ArrowDown', 'ArrowDown']);
    await expectFits('orders-action-bar');
  });

  it('the taxi: every step of a booking with 40-character place names', async () => {
    await press(page, 'Backspace');
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await waitForText('予約');
    await expectFits('taxi-menu');
    for (let step = 1; step <= 6; step++) {
      const before = (await visibleTexts(page)).join('|');
      await press(page, 'Enter');
      await expect
        .poll(async () => (await visibleTexts(page)).join('|') !== before, { timeout: 15_000 })
        .toBe(true);
      await expectFits(`taxi-step-${step}`);
      if ((await hook<string>(page, 'h.route')) !== 'taxi') break;
    }
  });

  it('お知らせ: reminders of 80 characters, read aloud in full', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await closeMessages();
    await press(page, 'Green');
    await waitForRoute(page, 'notices');
    await waitForText('留守にします');
    await waitForText(REMINDER.slice(0, 8));
    await pressKeys(['ArrowDown', 'ArrowDown']);
    await expectFits('notices');
    expect(await focusedLabel(page)).toContain(filled.reminderText);
    await expect.poll(() => heard(filled.reminderText)).toBe(true);
  });

  it('the bill', async () => {
    await pressKeys(['ArrowUp', 'ArrowUp', 'ArrowDown', 'Enter']);
    await waitForRoute(page, 'billing');
    await waitForText('ご利用料金');
    await expectFits('billing');
  });

  it('a full-screen message of the longest title and body', async () => {
    void page.evaluate(
      `window.__engawa.showOverlay(${JSON.stringify({
        title: long('お元気ですか？ご家族からのお知らせがあります', 40),
        body: long(REMINDER, 400),
        hint: '決定：わかりました\u3000戻る：あとで',
      })})`,
    );
    await waitForText('お元気ですか');
    await expectFits('overlay');
    await expect.poll(() => heard(long(REMINDER, 400))).toBe(true);
    await press(page, 'Enter');
  });

  it('the unregistered box', async () => {
    await openTv(page, server.baseUrl, null);
    await waitForRoute(page, 'unregistered');
    await expectFits('unregistered');
  });
});
