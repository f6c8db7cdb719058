import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { taxiBookings } from '../../db/src/schema/index.js';
import { openTv, press, screenshot, spoken, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Sat 28 Nov 2026 18:00 in Tokyo: no service today or tomorrow; the next service day is Monday 30th.
useTvSuite({ now: '2026-11-28T09:00:00Z' }, (s) => ({ server, page } = s));

async function waitForText(needle: string): Promise<void> {
  try {
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some(
          (t) => t.includes(n),
        ),
      needle,
      { timeout: 15_000 },
    );
  } catch (e) {
    await screenshot(page, `taxi-next-day-missing`);
    throw new Error(`"${needle}" not on screen; saw: ${JSON.stringify(await visibleTexts(page))}`, {
      cause: e,
    });
  }
}
const said = async () => (await spoken(page)).map((u) => u.text).join(' ');

describe('booking the next service day', () => {
  it('on Saturday evening the TV says when the service runs and books Monday, keys only', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await waitForText('次の運行日 11月30日(月) の予約をする');
    await waitForText('今日は運行日ではありません。次の運行日は11月30日(月)です。');
    await waitForText('運行は月〜金曜日（祝日は休み）の09:00〜15:00です。');
    await expect.poll(said).toContain('運行は月〜金曜日（祝日は休み）の09:00〜15:00です。');
    await screenshot(page, 'taxi-next-day-menu');

    await press(page, 'Enter');
    await waitForText('どこへ行きますか');
    await press(page, 'Enter'); // the favourite clinic
    await waitForText('時刻の決め方');
    await press(page, 'Enter'); // arrive by
    await waitForText('11月30日(月)の予約です。');
    await press(page, 'Enter'); // the time offered (Monday's early times, not "too soon")
    await waitForText('何人で乗りますか');
    await press(page, 'Enter');
    await waitForText('この内容で予約しますか');
    await waitForText('11月30日(月)');
    await waitForText('料金は250円です');
    await screenshot(page, 'taxi-next-day-confirm');
    await press(page, 'Enter');
    await waitForText('予約できました');
    await expect.poll(said).toMatch(/11月30日\(月\)の\d\d:\d\d〜\d\d:\d\dにお迎えに行きます/);

    const rows = await server.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 1)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceDate: '2026-11-30', status: 'booked', channel: 'tv' });
    await screenshot(page, 'taxi-next-day-booked');

    // おわり (below 帰りも予約する) → the menu names Monday's ride as the next one
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await waitForText('次の予約：11月30日(月)');
  });
});
