import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/demo.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Tuesday 24 November 2026, 09:30 in Tokyo: the shared taxi takes bookings for today. */
const TUESDAY_0930 = '2026-11-24T00:30:00Z';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ now: TUESDAY_0930 });
  // Each household on the phone ordered by TV this morning, through the API as its box does.
  for (const box of [1, 3]) {
    const productId = server.sqlite
      .prepare<[], { id: number }>('SELECT id FROM products ORDER BY id LIMIT 1')
      .get()!.id;
    const res = await fetch(`${server.baseUrl}/api/shop/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demoBoxToken(box)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey: `cc-browser-${box}-0001`, lines: [{ productId, qty: 2 }] }),
    });
    expect(res.status).toBe(201);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SIZES = [
  { width: 1280, height: 800, kana: 'ヤマダ', phone: '0265-98-2013', name: '山田 花子' },
  { width: 1920, height: 1080, kana: 'きたはら', phone: '０２６５９８２０３９', name: '北原 幸子' },
] as const;

/** Serious and critical axe findings (WCAG 2.1 A/AA), as in the console's accessibility gate. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function search(page: Page, q: string) {
  await page.getByLabel('名前・よみがな・電話番号').fill(q);
  await page.keyboard.press('Enter');
  // Wait for this search's own page: a second search starts on a page whose address already has a
  // q=, and a screenshot taken while the next page replaces it can hang.
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  await page.waitForLoadState('load');
}

describe('call centre: a call handled on one page', () => {
  for (const size of SIZES) {
    it(`finds the caller by kana and phone, books a ride, sets 留守 and sees the orders at ${size.width}×${size.height}`, async () => {
      const context = await browser.newContext({ locale: 'ja-JP', viewport: size });
      const page = await context.newPage();
      const shot = (screen: string) => screenshot(page, `role-call-centre-${screen}-${size.width}`);
      try {
        await page.goto(`${server.baseUrl}/console`);
        await page.getByLabel('ログインID').fill('callcentre');
        await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'ログイン' }).click();
        await page.waitForURL(/\/console\/callcentre$/);
        // The operator types at once: the search field has the focus on arrival.
        expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('cc-q');
        await shot('search');

        await search(page, size.kana);
        const hit = page.getByRole('link', { name: size.name });
        await expect.poll(() => hit.count()).toBe(1);
        await shot('results-kana');

        await search(page, size.phone);
        await expect.poll(() => hit.count()).toBe(1);
        await shot('results-phone');
        await hit.click();
        await page.waitForURL(/\/console\/callcentre\/residents\/\d+$/);
        expect(await page.locator('h1').innerText()).toContain(size.name);
        // The orders the household placed this morning, with their state and delivery.
        const orders = page.getByRole('region', { name: '最近の注文' });
        expect(await orders.innerText()).toContain('受付');
        expect(await orders.locator('tr[data-order]').count()).toBe(1);
        await shot('resident');

        const form = page.getByRole('form', { name: '乗合タクシーの予約' });
        await form.getByLabel('行き先').selectOption({ label: '長谷診療所' });
        await form.getByLabel('時刻', { exact: true }).selectOption('11:00');
        await form.getByRole('button', { name: '予約する' }).click();
        await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/お迎え/);
        const upcoming = page.getByRole('region', { name: 'これからの予約' });
        expect(await upcoming.innerText()).toContain('長谷診療所');
        expect(await upcoming.innerText()).toContain('予約済み');
        await shot('ride-booked');

        const away = page.getByRole('form', { name: '留守の登録' });
        await away.getByLabel('帰る日').fill('2026-11-27');
        await away.getByRole('button', { name: '留守を登録' }).click();
        await expect.poll(() => page.getByRole('status').first().innerText()).toContain('留守を登録しました');
        expect(await page.locator('[data-away]').innerText()).toContain('留守中');
        await shot('away-set');
        // The resident page is reached only through a search, so the menu-walking gate never sees it.
        expect(await seriousViolations(page)).toEqual([]);

        // A colleague cancels the ride on their own screen: this page shows it without a reload.
        await page.evaluate('window.__sameDocument = true');
        const other = await browser.newContext({ locale: 'ja-JP', viewport: size });
        try {
          const colleague = await other.newPage();
          await colleague.goto(
            `${server.baseUrl}/console/login?next=${encodeURIComponent(new URL(page.url()).pathname)}`,
          );
          await colleague.getByLabel('ログインID').fill('callcentre');
          await colleague.getByLabel('パスワード').fill(DEMO_PASSWORD);
          await colleague.getByRole('button', { name: 'ログイン' }).click();
          await colleague.waitForURL(/\/console\/callcentre\/residents\/\d+$/);
          await colleague.locator('tr[data-booking]').getByRole('button', { name: '取り消す' }).click();
          await expect
            .poll(() => colleague.getByRole('status').first().innerText())
            .toBe('予約を取り消しました');
        } finally {
          await other.close();
        }
        await expect.poll(() => page.locator('tr[data-booking]').count(), { timeout: 10_000 }).toBe(0);
        expect(await page.evaluate('window.__sameDocument')).toBe(true);
      } finally {
        await context.close();
      }
    });
  }
});
