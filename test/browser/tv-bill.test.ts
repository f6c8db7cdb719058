import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { addCharge } from '../../server/src/billing/testing.js';
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
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Friday 20 November 2026, 12:00 in Tokyo.
useTvSuite({ now: '2026-11-20T03:00:00Z' }, (s) => ({ server, page } = s));

export const HOME_SHOTS = '/work/wt/home-shots';

async function keep(name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync(HOME_SHOTS, { recursive: true });
  copyFileSync(path, `${HOME_SHOTS}/${name}.png`);
}

/** An order placed and not delivered yet: booked, not charged. */
function addUndeliveredOrder(householdId: number, status: string, totalYen: number): void {
  const at = server.clock.now().getTime();
  server.sqlite
    .prepare(
      `INSERT INTO orders (household_id, hamlet_id, channel, idempotency_key, status, delivery_date, total_yen,
         weight_g, created_at, updated_at)
       VALUES (?, (SELECT hamlet_id FROM households WHERE id = ?), 'tv', ?, ?, '2026-11-21', ?, 500, ?, ?)`,
    )
    .run(householdId, householdId, `bill-${status}-${totalYen}`, status, totalYen, at, at);
}

/** Home → お知らせ → ご利用料金, with the arrows and 決定 only. */
async function openBillByKeys(box: number): Promise<void> {
  await openTv(page, server.baseUrl, demoBoxToken(box));
  await waitForRoute(page, 'home');
  await press(page, 'ArrowRight', 2);
  await press(page, 'Enter');
  await waitForRoute(page, 'notices');
  const billing = 'ご利用料金を見ます';
  await expect
    .poll(() => visibleTexts(page).then((t) => t.join('|')), { timeout: 20_000 })
    .toContain('ご利用料金');
  for (let i = 0; i < 5 && (await focusedLabel(page)) !== billing; i++) await press(page, 'ArrowDown');
  expect(await focusedLabel(page)).toBe(billing);
  await press(page, 'Enter');
  await waitForRoute(page, 'billing');
}

const allText = () => visibleTexts(page).then((t) => t.join('|'));

describe('ご利用料金 (the bill)', () => {
  it('shows the monthly fee, what was used, what is booked apart, the total and the debit date', async () => {
    addCharge(server.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 1,
      month: '2026-11',
    });
    addCharge(server.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-11' });
    // Another household's charge never shows on this box.
    addCharge(server.sqlite, { householdId: 2, kind: 'ride', amountYen: 700, month: '2026-11' });
    addUndeliveredOrder(1, 'received', 1192);
    addUndeliveredOrder(1, 'cancelled', 5000);

    await openBillByKeys(1);
    await expect.poll(allText, { timeout: 20_000 }).toContain('2,392円');
    const texts = await allText();
    expect(texts).toContain('11月のご利用料金（これまでの合計）');
    expect(texts).toContain('月会費\u30001,000円');
    expect(texts).toContain('お買い物\u3000892円');
    expect(texts).toContain('タクシー\u3000500円');
    // 2026-12-27 is a Sunday: the debit moves to Monday the 28th.
    expect(texts).toContain('11月分のご利用料金として、12月28日（月）に口座から引き落とします。');
    expect(texts).toContain('予定（まだ請求していません）');
    expect(texts).toContain('お届け前のお買い物 1件\u30001,192円');
    expect(texts).not.toContain('700円');
    expect(texts).not.toContain('5,000円');

    const said = (await spoken(page)).map((u) => u.text).join('');
    expect(said).toContain('11月のご利用料金（これまでの合計）、2392円です。');
    expect(said).toContain('12月28日（月）に口座から引き落とします。');
    expect(said).not.toMatch(/。。/);
    await keep('home-bill');
  });

  it('reads a month with nothing used as such, with no doubled 「。」 and the fee alone', async () => {
    // 中村家 (box 3) has used nothing this month: the fee is the whole bill.
    await openBillByKeys(3);
    await expect.poll(allText, { timeout: 20_000 }).toContain('1,000円');
    const texts = await allText();
    expect(texts).toContain('月会費\u30001,000円');
    expect(texts).not.toContain('予定（まだ請求していません）');
    const said = (await spoken(page)).map((u) => u.text).join('');
    expect(said).not.toMatch(/。。/);
  });
});
