import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import {
  focusedLabel,
  launchBrowser,
  navigateTv,
  newTvPage,
  openTv,
  press,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 in Tokyo: no seeded reminder is due.
  server = await startTestServer({ now: '2026-11-23T01:00:00Z' });
  browser = await launchBrowser();
  ({ context, page } = await newTvPage(browser));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('お知らせ page', () => {
  it('offers 留守にします and ご利用料金; 決定 on ご利用料金 opens the billing page', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await navigateTv(page, 'notices');
    // The list is filled from the API after the page shows: wait for its entries.
    const allText = async () => (await visibleTexts(page)).join('|');
    await expect.poll(allText, { timeout: 20_000 }).toContain('留守にします');
    await expect.poll(allText, { timeout: 20_000 }).toContain('ご利用料金');
    // The focused item's spoken label.
    const billing = 'ご利用料金を見ます';
    for (let i = 0; i < 5 && (await focusedLabel(page)) !== billing; i++) await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe(billing);
    await press(page, 'Enter');
    await waitForRoute(page, 'billing');
  });
});
