/**
 * The city staff's day in Chromium, on the demo with its eight weeks of history and the
 * dashboard's daily summary built by its job: land on the dashboard, read the plots by week and by
 * month and for one hamlet, download a figure as CSV, then open the taxi board and the watch
 * overview from the menu. At 1280×800 and 1920×1080, with a screenshot of each screen.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server first: it loads @hono/zod-openapi, which the feature schemas the history uses extend.
import { startTestServer, type TestServer } from '../helpers/server.js';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { seedHistory } from '../../server/src/demo/seed-history.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';

// Thursday 3 December 2026, 10:00 in Tokyo.
const NOW = new Date('2026-12-03T10:00:00+09:00');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ now: NOW });
  await seedHistory(server.db, server.sqlite, NOW, { weeks: 8 });
  await server.runJob('dashboard.summary');
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Pixels of a plot's canvas that are neither transparent nor white: the lines and axes drawn. */
const inkedPixels = (page: Page, index: number) =>
  page.evaluate(`(() => {
    const canvas = document.querySelectorAll('.plot canvas')[${index}];
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let p = 0; p < data.length; p += 4)
      if (data[p + 3] > 0 && (data[p] < 240 || data[p + 1] < 240 || data[p + 2] < 240)) n++;
    return n;
  })()`) as Promise<number>;

async function expectPlotsDrawn(page: Page) {
  await page.waitForFunction('window.engawaDashboardReady === true');
  const plots = await page.locator('.plot[data-plot]').count();
  expect(plots).toBeGreaterThanOrEqual(12);
  await expect.poll(() => page.locator('.plot canvas').count()).toBe(plots);
  for (let i = 0; i < plots; i++) expect(await inkedPixels(page, i), `plot ${i}`).toBeGreaterThan(500);
}

describe("city staff's day", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ])
    it(`reads the dashboard, downloads a CSV, opens the taxi board and the watch overview at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser.newContext({ locale: 'ja-JP', viewport, acceptDownloads: true });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(m.text());
      });
      try {
        await page.goto(`${server.baseUrl}/console`);
        await page.getByLabel('ログインID').fill('city');
        await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'ログイン' }).click();
        // The city lands on its dashboard, not on a page of links.
        await page.waitForURL(/\/console\/dashboard/);
        await expectPlotsDrawn(page);
        await expect.poll(() => page.locator('.as-of').textContent()).toContain('時点');
        // Every figure has something to show on the demo's first start.
        const empty = (await page.evaluate(`[...document.querySelectorAll('[data-figure]')]
          .filter((f) => {
            const plot = f.querySelector('.plot[data-plot]');
            if (!plot) return true;
            return !JSON.parse(plot.dataset.plot).series.some((s) => s.values.some((v) => v > 0));
          })
          .map((f) => f.dataset.figure)`)) as string[];
        expect(empty).toEqual([]);
        await screenshot(page, `role-city-dashboard-week-${viewport.width}`);

        await page.getByRole('link', { name: '月ごと' }).click();
        await page.waitForURL(/unit=month/);
        await expectPlotsDrawn(page);
        await screenshot(page, `role-city-dashboard-month-${viewport.width}`);

        await page.getByLabel('集落').selectOption({ index: 1 });
        await page.getByRole('button', { name: '表示' }).click();
        await page.waitForURL(/hamlet=/);
        await expectPlotsDrawn(page);
        await screenshot(page, `role-city-dashboard-hamlet-${viewport.width}`);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('[data-figure="orders"] a', { hasText: 'CSV' }).click(),
        ]);
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        expect(csv).toContain('期間,開始日,注文（件・点）');
        expect(csv.split('\n').filter((l) => l.trim()).length).toBe(13);

        await page
          .getByRole('navigation', { name: 'メニュー' })
          .getByRole('link', { name: 'タクシー運行' })
          .click();
        await page.waitForURL(/\/console\/taxi\/city/);
        await expect.poll(() => page.locator('main h1, h1').first().isVisible()).toBe(true);
        await screenshot(page, `role-city-taxi-${viewport.width}`);

        await page
          .getByRole('navigation', { name: 'メニュー' })
          .getByRole('link', { name: '見守り' })
          .click();
        await page.waitForURL(/\/console\/watch/);
        await expect.poll(() => page.locator('main h1, h1').first().isVisible()).toBe(true);
        await screenshot(page, `role-city-watch-${viewport.width}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
});
