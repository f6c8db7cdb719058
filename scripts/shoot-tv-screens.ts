/**
 * `npm run shots:tv [-- --out docs/images/tv] [--only shop,taxi]`: a 1920×1080 picture of every TV
 * screen, for docs/tv-app.md. Starts the real server on a fresh demo database at a fixed clock
 * (a weekday morning, so the shop and the taxi take bookings), opens the TV app (test build) in
 * Chromium as demo box 1 and reaches each screen from the home screen with the remote's keys.
 *
 * To add a screen, add a line to SCREENS: its file name and the keys from home.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { demoBoxToken } from '../db/src/seed/demo.js';
import {
  launchBrowser,
  newTvPage,
  openTv,
  press,
  waitForReady,
  waitForRoute,
  type TvKey,
} from '../test/helpers/browser.js';
import { startTestServer } from '../test/helpers/server.js';

interface Screen {
  name: string;
  /** Pressed one by one from the home screen of demo box 1. */
  keys: TvKey[];
  /** Opens the app with no box token instead (the unregistered-box screen). */
  unregistered?: boolean;
  /** Shows this message over the screen reached (the global full-screen message). */
  overlay?: { title: string; body?: string; hint?: string };
}

export const SCREENS: Screen[] = [
  { name: 'home', keys: [] },
  { name: 'shop', keys: ['Enter'] },
  { name: 'shop-products', keys: ['Enter', 'Enter'] },
  { name: 'shop-products-bar', keys: ['Enter', 'Enter', 'ArrowDown', 'ArrowDown', 'ArrowDown'] },
  { name: 'shop-favourites', keys: ['Enter', 'Blue'] },
  { name: 'shop-cart', keys: ['Enter', 'Enter', 'Enter', 'ArrowRight', 'Enter', 'Yellow'] },
  { name: 'shop-orders', keys: ['Enter', 'Red'] },
  { name: 'taxi', keys: ['Red'] },
  { name: 'taxi-step-1', keys: ['Red', 'Enter'] },
  { name: 'taxi-step-2', keys: ['Red', 'Enter', 'Enter'] },
  { name: 'taxi-step-3', keys: ['Red', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-step-4', keys: ['Red', 'Enter', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-step-5', keys: ['Red', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-bookings', keys: ['Red', 'ArrowDown', 'Enter'] },
  { name: 'notices', keys: ['Green'] },
  { name: 'notices-away', keys: ['Green', 'Enter'] },
  { name: 'billing', keys: ['Green', 'ArrowDown', 'Enter'] },
  {
    name: 'full-screen-message',
    keys: [],
    overlay: { title: 'お元気ですか？', body: 'ご家族が様子を気にしています。', hint: '決定：元気です' },
  },
  { name: 'unregistered', keys: [], unregistered: true },
];

/** Tuesday 24 November 2026, 09:30 in Tokyo. */
const NOW = '2026-11-24T00:30:00Z';

/** Data arrives after a page shows: wait until the screen stops changing, then until it is drawn. */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await waitForReady(page);
    const texts = JSON.stringify(await page.evaluate('window.__engawa.visibleTexts'));
    if (texts === last) return;
    last = texts;
    await page.waitForTimeout(250);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs/images/tv' }, only: { type: 'string' } },
  });
  const only = values.only?.split(',');
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const server = await startTestServer({ now: NOW });
  const browser = await launchBrowser();
  try {
    for (const screen of SCREENS.filter((s) => !only || only.includes(s.name))) {
      const { context, page } = await newTvPage(browser);
      await openTv(page, server.baseUrl, screen.unregistered ? null : demoBoxToken(1));
      if (!screen.unregistered) await waitForRoute(page, 'home');
      for (const key of screen.keys) {
        await press(page, key);
        await settle(page);
      }
      // The promise settles when the message is closed, which it never is here.
      if (screen.overlay)
        page
          .evaluate(`window.__engawa.showOverlay(${JSON.stringify(screen.overlay)})`)
          .catch(() => undefined);
      await page.waitForTimeout(400);
      await settle(page);
      const path = join(out, `${screen.name}.png`);
      await page.screenshot({ path, timeout: 120_000 });
      console.log(`${screen.name}: ${path}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
