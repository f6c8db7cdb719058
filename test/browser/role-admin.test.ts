import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The admin's day, end to end in Chromium at both console sizes: add a product (after a refused
 * try that keeps what was typed), add a family contact with a phone number, create a staff account
 * and log in as it, find that in the audit log, and look at the mail outbox — each screen axe-checked
 * and photographed.
 */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, page.url()).toEqual([]);
}

async function login(page: Page, loginId: string, password: string) {
  await page.goto(`${server.baseUrl}/console/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/console/login');
}

const path = (page: Page) => new URL(page.url()).pathname;

describe('the admin’s job (role-admin)', () => {
  it.each(VIEWPORTS.map((v) => [`${v.width}x${v.height}`, v] as const))('at %s', async (size, viewport) => {
    const w = viewport.width;
    const context = await browser.newContext({ locale: 'ja-JP', viewport });
    const page = await context.newPage();
    const shot = async (screen: string) => {
      await expectAccessible(page);
      await screenshot(page, `role-admin-${screen}-${size}`);
    };
    try {
      // Lands on the overview with its figures.
      await login(page, 'admin', DEMO_PASSWORD);
      expect(path(page)).toBe('/console/admin');
      await expect.poll(() => page.locator('main').innerText()).toContain('テレビ端末 接続中');
      await shot('overview');

      // Catalogue: a wrong price is refused beside the field and the typed name is kept.
      await page.getByRole('link', { name: '商品と在庫', exact: true }).first().click();
      await page.waitForURL(/\/console\/admin\/products$/);
      await shot('products');
      await page.getByRole('link', { name: '商品を追加' }).click();
      const name = `高遠そば ${w}`;
      await page.getByLabel('商品名').fill(name);
      await page.getByLabel('よみ').fill('たかとおそば');
      await page.getByLabel('分類').selectOption({ label: '高遠ふれあいマート：米・パン・麺' });
      await page.getByLabel('価格（税込・円）').fill('480円');
      await page.getByLabel('単位').fill('1袋');
      await page.getByLabel('重さ（g）').fill('300');
      await page.getByLabel('在庫数').fill('12');
      await page.getByRole('button', { name: '保存する' }).click();
      await expect
        .poll(() => page.locator('.field-error').first().innerText())
        .toContain('価格は数字で入れてください');
      expect(await page.getByLabel('商品名').inputValue()).toBe(name);
      expect(await page.getByLabel('価格（税込・円）').getAttribute('aria-invalid')).toBe('true');
      await shot('product-refused');
      await page.getByLabel('価格（税込・円）').fill('480');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.waitForURL(/\/console\/admin\/products$/);
      await expect.poll(() => page.getByRole('status').innerText()).toContain(`「${name}」を追加しました`);
      await page.getByLabel('商品名・よみで検索').fill('たかとお');
      await page.getByRole('button', { name: '検索' }).click();
      await expect.poll(() => page.locator('tbody').innerText()).toContain(name);

      // A household found by its resident's reading; a family contact with a phone number.
      await page.goto(`${server.baseUrl}/console/admin`);
      await page.getByRole('link', { name: '世帯と家族の連絡先' }).click();
      await page.getByLabel('名前・よみ・電話番号で検索').fill('やまだ');
      await page.getByRole('button', { name: '検索' }).click();
      await page.getByRole('link', { name: '山田家' }).click();
      await page.waitForURL(/\/console\/admin\/households\/\d+$/);
      const add = page.locator('form[action$="/contacts"]');
      await add.getByLabel('名前').fill(`山田 一郎${w}`);
      await add.getByLabel('続柄').fill('長男');
      await add.getByLabel('電話番号').fill('090-1234-5678');
      await add.getByLabel('メールアドレス').fill(`ichiro${w}@example.jp`);
      await add.getByLabel('連絡の順番').fill(w === 1280 ? '8' : '9');
      await add.getByRole('button', { name: '連絡先を追加' }).click();
      await expect
        .poll(() => page.getByRole('status').first().innerText())
        .toContain(`山田 一郎${w}さんの連絡先を追加しました`);
      await expect.poll(() => page.locator('main').innerText()).toContain('090-1234-5678');
      await shot('household');

      // Boxes and settings: each screen is looked at.
      await page.goto(`${server.baseUrl}/console/admin/boxes`);
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      await shot('boxes');
      await page.goto(`${server.baseUrl}/console/admin/settings`);
      expect(await page.getByLabel('始まり').inputValue()).toBe('09:00');
      await shot('settings');

      // A new support worker's account; the password is shown once and works.
      await page.goto(`${server.baseUrl}/console/admin/staff`);
      await shot('staff');
      const loginId = `support-new-${w}`;
      await page.getByLabel('名前').fill(`新人 支援${w}`);
      await page.getByLabel('ログインID').fill(loginId);
      await page.getByLabel('役割').selectOption({ label: '集落支援員' });
      await page.getByLabel('担当の集落（集落支援員）').selectOption({ index: 1 });
      await page.getByRole('button', { name: '職員を追加' }).click();
      const password = (await page.locator('[data-password]').innerText()).trim();
      expect(password.length).toBeGreaterThanOrEqual(12);
      await shot('staff-password');
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.waitForURL(/\/console\/login/);
      await login(page, loginId, password);
      expect(await page.locator('[data-role]').getAttribute('data-role')).toBe('support_worker');
      expect((await page.goto(`${server.baseUrl}/console/admin`))!.status()).toBe(403);

      // Back as admin: the audit log says who made the account, by name and role.
      await context.clearCookies();
      await login(page, 'admin', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/console/admin/audit`);
      await page.getByLabel('何を').selectOption({ label: '職員を追加' });
      await page.getByRole('button', { name: '絞り込む' }).click();
      const firstRow = await page.locator('tbody tr').first().innerText();
      expect(firstRow).toContain('管理 太郎（管理者）');
      expect(firstRow).toContain('職員を追加');
      expect(firstRow).toMatch(/2026年11月23日\(月\) 09:00/);
      await shot('audit');

      // The outbox: what was sent and what waits, with the reason.
      await page.goto(`${server.baseUrl}/console/admin/mail`);
      await expect.poll(() => page.locator('main').innerText()).toContain('メールの送信状況');
      await shot('mail');
    } finally {
      await context.close();
    }
  });
});
