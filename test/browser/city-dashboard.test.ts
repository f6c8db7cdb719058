import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { addDays, fromTokyo } from '../../server/src/lib/tokyo.js';
import { addAlert, addCharge, addOrder, addReminderDue, addRide } from '../helpers/dashboard-rows.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SHOTS = '/work/wt/c4-shots';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  // Twelve weeks of a little history, varying week by week, so every plot has a line to draw.
  const db = server.db;
  for (let w = 0; w < 12; w++) {
    const monday = addDays('2026-09-07', 7 * w);
    for (let i = 0; i < 3 + (w % 4); i++) {
      const hh = 1 + ((w + i) % 24);
      await addOrder(db, {
        householdId: hh,
        deliveryDate: addDays(monday, i % 5),
        mode: i % 3 === 2 ? 'car' : 'drone',
        reason: i % 3 === 2 ? (w % 2 ? '強風のため' : '重量が5kgを超えるため') : null,
        lines: [[1 + (i % 3), 0]],
      });
      await addCharge(db, {
        householdId: hh,
        kind: 'goods',
        yen: 1200 + 100 * i,
        at: fromTokyo(monday, '12:00'),
      });
    }
    const day = addDays(monday, 1);
    await addRide(db, {
      householdId: 1,
      residentId: 1,
      vehicleId: 1,
      date: day,
      pickup: ['09:00', 35.8, 138.1],
      dropoff: ['09:40', 35.9, 138.1],
    });
    if (w % 2)
      await addRide(db, {
        householdId: 2,
        residentId: 2,
        vehicleId: 1,
        date: day,
        pickup: ['09:10', 35.85, 138.1],
        dropoff: ['09:40', 35.9, 138.1],
      });
    await addAlert(db, 1 + (w % 5), fromTokyo(day, '10:00'), 10 + 5 * (w % 4));
    await addReminderDue(db, 1, fromTokyo(day, '08:00'), w % 3 ? 5 : null);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('city dashboard in Chromium', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ])
    it(`draws every plot with no console error or CSP violation at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser.newContext({ locale: 'ja-JP', viewport });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        // The browser asks for /favicon.ico by itself; the console has none.
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
          problems.push(`${m.text()} ${m.location().url}`);
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      // Recorded by each page itself: a blocked script or style fires this event.
      await context.addInitScript({
        content: `document.addEventListener('securitypolicyviolation', (e) => {
          throw new Error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
        });`,
      });
      try {
        await page.goto(`${server.baseUrl}/console/dashboard`);
        await page.getByLabel('ログインID').fill('city');
        await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'ログイン' }).click();
        await page.waitForURL(/\/console\/dashboard/);
        await page.waitForFunction('window.engawaDashboardReady === true');
        const plots = await page.locator('.plot[data-plot]').count();
        expect(plots).toBeGreaterThanOrEqual(12);
        await expect.poll(() => page.locator('.plot canvas').count()).toBe(plots);
        await expect.poll(() => page.locator('.plot .uplot').count()).toBe(plots);
        await page.screenshot({ path: `${SHOTS}/dashboard-week-${viewport.width}.png`, fullPage: false });
        await page.screenshot({ path: `${SHOTS}/dashboard-week-${viewport.width}-full.png`, fullPage: true });

        await page.getByRole('link', { name: '月ごと' }).click();
        await page.waitForURL(/unit=month/);
        await page.waitForFunction('window.engawaDashboardReady === true');
        await expect.poll(() => page.locator('.plot canvas').count()).toBe(plots);
        await page.locator('details').first().locator('summary').click();
        expect(
          await page.locator('details').first().locator('th', { hasText: '2026年11月' }).isVisible(),
        ).toBe(true);
        await page.screenshot({ path: `${SHOTS}/dashboard-month-${viewport.width}.png`, fullPage: false });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
});
