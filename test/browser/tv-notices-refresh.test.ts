import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { createReminder } from '../../server/src/watch/reminders';
import {
  focusedLabel,
  hook,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Monday 23 November 2026, 12:00 in Tokyo.
useTvSuite({ now: '2026-11-23T03:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

const allText = () => visibleTexts(page).then((t) => t.join('|'));
const announcedNew = async () =>
  (await spoken(page)).filter((u) => u.text.startsWith('新しいお知らせです')).map((u) => u.text);

/**
 * A reminder for 8:00 that the family set up at 7:00, whose occurrence the job writes now: at noon
 * it is past the missed window, so it is listed only (never full screen by the global poller),
 * and only the open お知らせ page itself can bring it on screen.
 */
async function addReminder(text: string): Promise<void> {
  await createReminder(
    server.db,
    { residentId: 1, text, recurrence: 'once', time: '08:00', startDate: '2026-11-23' },
    { staffId: 1 },
    new Date(server.clock.now().getTime() - 5 * 3_600_000),
  );
  await server.runJob('watch.reminders');
}

describe('お知らせ refreshes while open', () => {
  it('a reminder added while the page is open appears on it, focus stays, and it is read once', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'ArrowRight', 2);
    await press(page, 'Enter');
    await waitForRoute(page, 'notices');
    await expect.poll(allText, { timeout: 20_000 }).toContain('ご利用料金');
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('ご利用料金を見ます');
    expect(await allText()).not.toContain('庭の水やり');

    await addReminder('庭の水やりをしましょう');
    // No key pressed: the page asks again by itself.
    await expect.poll(allText, { timeout: 30_000 }).toContain('庭の水やりをしましょう');
    expect(await hook<string>(page, 'h.route')).toBe('notices');
    expect(await focusedLabel(page)).toBe('ご利用料金を見ます');
    await expect
      .poll(announcedNew, { timeout: 10_000 })
      .toEqual([
        '新しいお知らせです。今日 8:00 のお知らせ。庭の水やりをしましょう。確認されないまま、時間が過ぎました',
      ]);
    const path = await screenshot(page, 'home-notices-refreshed');
    mkdirSync('/work/wt/home-shots', { recursive: true });
    copyFileSync(path, '/work/wt/home-shots/home-notices-refreshed.png');

    // A second one: it is read, and the first is not read again.
    await addReminder('郵便を出しましょう');
    await expect.poll(allText, { timeout: 30_000 }).toContain('郵便を出しましょう');
    await expect.poll(async () => (await announcedNew()).length, { timeout: 10_000 }).toBe(2);
    expect((await announcedNew())[1]).toContain('郵便を出しましょう');
    expect(await focusedLabel(page)).toBe('ご利用料金を見ます');
  });
});
