import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/demo.js';
import { addCharge, closeTime } from '../../server/src/billing/testing.js';
import { launchBrowser, VIEWPORT } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The Content-Security-Policy blocks nothing the product itself does: the TV app (Lightning,
 * WebGL, its fonts and image worker, fetch to /api), the console (including the billing print
 * button's inline handler) and the API reference (its inline script) all run with no violation.
 */
let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startTestServer({ now: closeTime('2026-11') });
  browser = await launchBrowser();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records CSP violations (DOM events and console reports, which also cover workers). */
async function watchViolations(ctx: BrowserContext, page: Page): Promise<string[]> {
  // A string, as the tests are not compiled with the DOM library. Headless print would block, so
  // print() only counts its calls.
  await ctx.addInitScript(`
    window.__violations = [];
    window.__printed = 0;
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.print = () => void window.__printed++;
  `);
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) fromConsole.push(m.text());
  });
  return fromConsole;
}

const violations = async (page: Page, fromConsole: string[]) => [
  ...((await page.evaluate('window.__violations ?? []')) as string[]),
  ...fromConsole,
];

describe('content security policy', () => {
  it('lets the TV app start, draw its text and call the API', async () => {
    // Not newTvPage: its helpers poll with waitForFunction, which needs eval and so bypasses the CSP.
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP' });
    const page = await context.newPage();
    const fromConsole = await watchViolations(context, page);
    await page.goto(`${server.baseUrl}/?token=${demoBoxToken(1)}`);
    const state = () => page.evaluate('window.__engawa && [window.__engawa.route, window.__engawa.ready]');
    await expect.poll(state, { timeout: 30_000 }).toEqual(['home', true]);
    // The greeting comes from /api/tv/me: fetch to the API is allowed.
    await expect
      .poll(() => page.evaluate('window.__engawa.visibleTexts.some((t) => t.includes("さん、"))'))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(state, { timeout: 30_000 }).toEqual(['shop', true]);
    expect(await violations(page, fromConsole)).toEqual([]);
  });

  it('lets the console work, print buttons included', async () => {
    addCharge(server.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 7,
      month: '2026-10',
      description: 'りんご 3個',
    });
    context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const fromConsole = await watchViolations(context, page);
    await page.goto(`${server.baseUrl}/console/login`);
    await page.getByLabel('ログインID').fill('city');
    await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL((u) => u.pathname !== '/console/login');
    await page.goto(`${server.baseUrl}/console/billing`);
    await page.getByRole('button', { name: /締め/ }).first().click();
    await page.waitForURL(/\/console\/billing\/months\/2026-10/);
    await page.locator('a[href^="/console/billing/statements/"]').first().click();
    await page.getByRole('button', { name: '印刷' }).click();
    expect(await page.evaluate('window.__printed')).toBe(1);
    expect(await violations(page, fromConsole)).toEqual([]);
  });

  it("lets the API reference's inline script render the routes", async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const fromConsole = await watchViolations(context, page);
    await page.goto(`${server.baseUrl}/api/docs`);
    await page.locator('#ops .op').first().waitFor();
    expect(await violations(page, fromConsole)).toEqual([]);
  });
});
