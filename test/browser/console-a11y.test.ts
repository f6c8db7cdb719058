import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The demo logins of README.md, one per kind of console user. */
const LOGINS = [
  'admin',
  'city',
  'drone',
  'store',
  'store-drug',
  'support',
  'support-2',
  'driver',
  'callcentre',
];
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SHOTS_DIR = process.env.CONSOLE_SHOTS_DIR;

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

async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  if (SHOTS_DIR) {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`) });
  }
}

/** Serious and critical axe findings on the page, as readable lines for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Console pages linked from the current page, without downloads, actions or anchors. */
async function consoleLinks(page: Page, scope: string): Promise<string[]> {
  // Links that download a file (`download` attribute) are not pages.
  const hrefs = await page
    .locator(`${scope} a[href^="/console"]:not([download])`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => !/\.(plan|csv|pdf|zip)(\?|$)|\/(download|export|csv)\b|#/.test(h));
}

/** One detail page per shape of address (/orders/12 and /orders/13 are the same screen). */
const shapeOf = (href: string) => href.split('?')[0]!.replace(/\d+/g, ':n');

describe('console accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('has no serious or critical violations on the login page', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/console/login`);
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, 'a11y-login-1280');
    } finally {
      await context.close();
    }
  });

  it.each(LOGINS.map((l) => [l]))(
    'has no serious or critical violations on any page %s can reach',
    async (loginId) => {
      const context = await browser.newContext({
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: 1920, height: 1080 },
      });
      const page = await context.newPage();
      try {
        await page.goto(`${server.baseUrl}/console/login`);
        await page.getByLabel('ログインID').fill(loginId);
        await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'ログイン' }).click();
        await page.waitForURL((u) => u.pathname !== '/console/login');

        const found: Record<string, string[]> = {};
        const visited = new Set<string>();
        const shapes = new Set<string>();
        const visit = async (href: string) => {
          visited.add(href);
          shapes.add(shapeOf(href));
          const res = await page.goto(`${server.baseUrl}${href}`);
          if (!res?.headers()['content-type']?.startsWith('text/html')) return false;
          expect(res.status(), href).toBeLessThan(500);
          const v = await seriousViolations(page);
          if (v.length) found[href] = v;
          await shoot(page, `a11y-${loginId}${href.replace(/\//g, '_')}`);
          return true;
        };

        await visit('/console/menu');
        const menuLinks = await consoleLinks(page, 'main');
        await visit('/console');
        const top = [
          ...new Set([
            ...menuLinks,
            ...(await consoleLinks(page, 'header nav')),
            ...(await consoleLinks(page, 'main')),
          ]),
        ];
        expect(top.length, 'the role reaches at least one page').toBeGreaterThan(0);
        const details: string[] = [];
        for (const href of top) {
          if (visited.has(href) || !(await visit(href))) continue;
          for (const d of await consoleLinks(page, 'main')) {
            if (!visited.has(d) && !shapes.has(shapeOf(d)) && !top.includes(d)) {
              shapes.add(shapeOf(d));
              details.push(d);
            }
          }
        }
        for (const d of details) if (!visited.has(d)) await visit(d);

        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${server.baseUrl}${top[0]}`);
        await shoot(page, `a11y-${loginId}-first-page-1280`);

        expect(found, `pages visited: ${[...visited].join(' ')}`).toEqual({});
      } finally {
        await context.close();
      }
    },
    // The admin reaches every role's pages and its own: on a shared, busy machine that walk
    // outlasts the project's 3 minutes (it measures coverage, not speed).
    600_000,
  );
});
