import { eq } from 'drizzle-orm';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../db/src/schema/index.js';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * A phoned order at the call centre: find the caller's household by kana, find products by name,
 * type a wrong quantity (the form keeps every line and names the wrong one), then order.
 */
let browser: Browser;

/** Serious and critical axe findings (WCAG 2.1 AA) of the page as it is now, filled in. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('call centre phone order at $width×$height', (viewport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-11-24T00:00:00Z' }); // Tue 09:00 Tokyo
  });
  afterAll(async () => {
    await server?.close();
  });

  it('searches the household and products, keeps a refused line as typed, then places the order', async () => {
    const size = `${viewport.width}x${viewport.height}`;
    const context = await browser.newContext({ locale: 'ja-JP', viewport });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/console/shop/phone`);
      await page.getByLabel('ログインID').fill('callcentre');
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL(/\/console\/shop\/phone/);

      await page.getByLabel('世帯を探す（お名前・ふりがな・電話番号）').fill('ミヤシタ');
      await page.getByRole('button', { name: '探す' }).click();
      await page.getByRole('link', { name: '宮下家の注文を受ける' }).waitFor();
      await screenshot(page, `role-call-centre-phone-search-${size}`);
      await page.getByRole('link', { name: '宮下家の注文を受ける' }).click();
      await page.waitForURL(/household=4/);

      await page.getByLabel('商品名・売り場・商品番号').fill('たまご');
      await page.getByRole('button', { name: '探す' }).click();
      await page.getByRole('button', { name: 'たまご 10個 を追加' }).click();
      await page.getByLabel('商品名・売り場・商品番号').fill('牛乳');
      await page.getByRole('button', { name: '探す' }).click();
      await page.getByRole('button', { name: '牛乳 1000ml を追加' }).click();
      await page.getByLabel('1行目 たまご 10個 の数量').fill('2');
      await page.getByLabel('2行目 牛乳 1000ml の数量').fill('たくさん');
      await screenshot(page, `role-call-centre-phone-lines-${size}`);
      await page.getByRole('button', { name: 'この内容で注文する' }).click();

      // Refused: everything typed is still there, the wrong line says what is wrong.
      const bad = page.getByLabel('2行目 牛乳 1000ml の数量');
      await expect.poll(() => bad.getAttribute('aria-invalid')).toBe('true');
      expect(await bad.inputValue()).toBe('たくさん');
      expect(await page.getByLabel('1行目 たまご 10個 の数量').inputValue()).toBe('2');
      expect(await page.locator('.field-error').first().innerText()).toContain('2行目：数量は1〜99の数字で');
      expect(await page.locator('h1').innerText()).toContain('宮下家');
      await screenshot(page, `role-call-centre-phone-error-${size}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await server.db.select().from(orders).where(eq(orders.householdId, 4)).all()).toEqual([]);

      await bad.fill('1');
      await page.getByRole('button', { name: 'この内容で注文する' }).click();
      await expect
        .poll(() => page.locator('main p[role=status]').first().innerText())
        .toContain('を受け付けました');
      expect(await server.db.select().from(orders).where(eq(orders.householdId, 4)).all()).toMatchObject([
        { channel: 'call_centre', status: 'received', totalYen: 2 * 258 + 238 },
      ]);
      expect(await page.locator('[data-order]').first().innerText()).toContain('たまご 10個 × 2');
      await screenshot(page, `role-call-centre-phone-done-${size}`);
    } finally {
      await context.close();
    }
  });
});
