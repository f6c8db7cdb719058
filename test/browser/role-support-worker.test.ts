import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handovers, products, staffUsers, watchAcks, watchContacts } from '../../db/src/schema/index.js';
import { demoBoxToken } from '../../db/src/seed/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';
import { loginAs, openYamadaAlert, othersActiveNextDay, shot } from './watch-helpers.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(s: string): { innerText: string } | null;
};
declare const window: { marker?: number };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

describe("the support worker's day", () => {
  it.each(VIEWPORTS)(
    'at $width×$height: an alert arrives live, is answered 連絡がとれました, a visit is recorded, a 気になる note is seen',
    async (viewport) => {
      const size = `${viewport.width}x${viewport.height}`;
      const server = await startTestServer({ now: '2026-11-22T23:30:00Z' }); // Mon 08:30 Tokyo; the day's work is on Tuesday
      try {
        // Yesterday at the hall the support worker noted something about 山田 花子 (the shop side of the day).
        const egg = (await server.db.select().from(products).where(eq(products.name, 'たまご 10個')).get())!;
        const placed = await fetch(`${server.baseUrl}/api/shop/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(1)}` },
          body: JSON.stringify({ idempotencyKey: `sw-day-${size}`, lines: [{ productId: egg.id, qty: 1 }] }),
        });
        const orderId = ((await placed.json()) as { id: number }).id;
        const support = (await server.db
          .select()
          .from(staffUsers)
          .where(eq(staffUsers.loginId, 'support'))
          .get())!;
        await server.db
          .insert(handovers)
          .values({
            orderId,
            householdId: 1,
            residentId: 1,
            staffId: support.id,
            at: server.clock.now(),
            outcome: 'concern',
            note: '足を引きずっていた',
          })
          .run();

        await othersActiveNextDay(server);
        const { context, page } = await loginAs(server, browser, 'support', viewport);
        // The support worker lands on the day's work, not on a page of links.
        expect(new URL(page.url()).pathname).toBe('/console/watch/today');
        const main = page.locator('main');
        await expect.poll(() => main.innerText()).toContain('対応中のお知らせはありません');
        expect(await main.innerText()).toContain('足を引きずっていた');
        await page.waitForFunction(() => document.documentElement.dataset.live === 'open');
        await page.evaluate(() => (window.marker = 42));
        await shot(page, `support-worker-today-quiet-${size}`);

        // The detector opens 山田 花子's alert: it appears on the open screen with no reload.
        await openYamadaAlert(server);
        const card = page.locator('li.watch-alert', { hasText: '山田 花子さん' });
        await card.waitFor();
        expect(await page.evaluate(() => window.marker)).toBe(42);
        expect(await card.innerText()).toContain('未対応');
        expect(await card.getByRole('link', { name: /0265-98-/ }).getAttribute('href')).toMatch(/^tel:0265/);
        expect(await card.innerText()).toContain('支援 久美子（集落支援員）');
        await shot(page, `support-worker-today-alert-${size}`);

        await card.getByRole('button', { name: '連絡がとれました' }).click();
        await expect.poll(() => main.innerText()).toContain('「連絡がとれました」を記録しました');
        const answered = page.locator('li.watch-alert', { hasText: '山田 花子さん' });
        // Still listed (not settled), now answered, with who answered.
        expect(await answered.innerText()).toContain('支援 久美子（集落支援員）「連絡がとれました」');
        expect(await answered.getByRole('button', { name: '連絡がとれました' }).isDisabled()).toBe(true);
        expect(await server.db.select().from(watchAcks).all()).toMatchObject([
          { action: 'reached', staffId: support.id },
        ]);
        await shot(page, `support-worker-today-answered-${size}`);

        // The visit: from the resident's page, with what was found.
        await answered.getByRole('link', { name: '山田 花子さん' }).click();
        await page.waitForURL(/\/console\/watch\/residents\/1$/);
        const form = page.getByRole('form', { name: '電話・訪問の記録' });
        await form.getByLabel('訪問した').check();
        await form.getByLabel('元気だった').check();
        await form.getByLabel('メモ（200文字まで）').fill('台所で転んだが大事なし。');
        await form.getByRole('button', { name: '記録する' }).click();
        await expect.poll(() => main.innerText()).toContain('電話・訪問を記録しました');
        expect(await main.innerText()).toContain('台所で転んだが大事なし。');
        expect(await server.db.select().from(watchContacts).all()).toMatchObject([
          { residentId: 1, kind: 'visit', outcome: 'fine', staffId: support.id },
        ]);
        await shot(page, `support-worker-resident-${size}`);

        await page.getByRole('link', { name: '今日の見守り' }).click();
        const row = page.locator('tr', { hasText: '山田 花子さん' }).first();
        expect(await row.innerText()).toContain('訪問した・元気だった');
        await shot(page, `support-worker-today-after-visit-${size}`);
        await page.getByRole('heading', { name: '「気になる」の記録（2週間）' }).scrollIntoViewIfNeeded();
        expect(await page.locator('section', { hasText: '「気になる」の記録' }).innerText()).toContain(
          '足を引きずっていた',
        );
        await shot(page, `support-worker-today-notes-${size}`);
        await context.close();
      } finally {
        await server.close();
      }
    },
    90_000,
  );
});
