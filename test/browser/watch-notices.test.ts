import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { focusedLabel, navigateTv, openTv, press, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Monday 23 November 2026, 10:00 in Tokyo: no seeded reminder is due.
useTvSuite({ now: '2026-11-23T01:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

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
