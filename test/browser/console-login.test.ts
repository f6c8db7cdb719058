import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/src/seed/demo.js';
import { ROLE_LABELS, homeFor, navFor } from '../../server/src/console/nav.js';
import { LOGIN_LIMIT_MESSAGE, LOGIN_LIMITS } from '../../server/src/auth/rate-limit.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

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

async function openLogin() {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console`);
  return { context, page };
}

describe('staff console login', () => {
  it.each(STAFF_ROLES.map((role) => [role]))(
    'logs a demo %s in to the landing page of that role',
    async (role) => {
      const staff = DEMO_STAFF.find((s) => s.role === role);
      expect(staff, `the demo seed has a ${role} login`).toBeDefined();
      const { context, page } = await openLogin();
      try {
        expect(new URL(page.url()).pathname).toBe('/console/login');
        await page.getByLabel('ログインID').fill(staff!.loginId);
        await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'ログイン' }).click();
        const home = homeFor(role) ?? '/console/menu';
        await page.waitForURL((u) => u.pathname === home);

        expect(await page.locator('[data-role]').getAttribute('data-role')).toBe(role);
        await expect.poll(() => page.locator('header').innerText()).toContain(staff!.name);
        await expect.poll(() => page.locator('header').innerText()).toContain(ROLE_LABELS[role]);
        await page.goto(`${server.baseUrl}/console/menu`);
        const cards = await page.locator('main .card').allInnerTexts();
        expect(cards).toEqual(navFor(role).map((n) => n.label));
        await screenshot(page, `console-landing-${role}`);
      } finally {
        await context.close();
      }
    },
  );

  it('refuses a wrong password, stays on the login page and opens no session', async () => {
    const staff = DEMO_STAFF[0]!;
    const { context, page } = await openLogin();
    try {
      await page.getByLabel('ログインID').fill(staff.loginId);
      await page.getByLabel('パスワード').fill(`${DEMO_PASSWORD}-wrong`);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForLoadState();

      expect(new URL(page.url()).pathname).toBe('/console/login');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('パスワード');
      await screenshot(page, 'console-login-refused');
      await page.goto(`${server.baseUrl}/console`);
      expect(new URL(page.url()).pathname).toBe('/console/login');
      expect(await page.locator('[data-role]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows the Japanese limit message after too many wrong passwords', async () => {
    const { context, page } = await openLogin();
    try {
      for (let i = 0; i <= LOGIN_LIMITS.perLoginAndAddress; i++) {
        await page.getByLabel('ログインID').fill('nobody-here');
        await page.getByLabel('パスワード').fill(`wrong-${i}`);
        await page.getByRole('button', { name: 'ログイン' }).click();
        await page.waitForLoadState();
      }
      expect(new URL(page.url()).pathname).toBe('/console/login');
      await expect.poll(() => page.getByRole('alert').innerText()).toBe(LOGIN_LIMIT_MESSAGE);
      await screenshot(page, 'console-login-limited');
    } finally {
      await context.close();
    }
  });
});
