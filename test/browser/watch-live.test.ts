import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox, watchSettings } from '../../db/src/schema/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { loginAs, openYamadaAlert, othersActiveNextDay, shot } from './watch-helpers.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(s: string): { innerText: string } | null;
};
declare const window: { marker?: number };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  server = await startTestServer({ now: '2026-11-22T23:30:00Z' }); // Mon 08:30 Tokyo
  browser = await launchBrowser();
  // 山田 花子's first step goes to her family, so the family page can be opened from the mail.
  await server.db
    .update(watchSettings)
    .set({ supportWorkerFirst: false })
    .where(eq(watchSettings.residentId, 1))
    .run();
  await othersActiveNextDay(server);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

const mainHas = (t: string) => document.querySelector('main')?.innerText.includes(t) === true;

describe('watch boards are live', () => {
  it("an alert opened by the detector, then answered by the support worker, shows on the city's open board without reload (how fast: npm run bench:live)", async () => {
    const city = await loginAs(server, browser, 'city', { width: 1920, height: 1080 });
    const support = await loginAs(server, browser, 'support', { width: 1280, height: 800 });
    contexts.push(city.context, support.context);
    await city.page.goto(`${server.baseUrl}/console/watch`);
    await city.page.waitForFunction(() => document.documentElement.dataset.live === 'open');
    await support.page.waitForFunction(() => document.documentElement.dataset.live === 'open');
    await city.page.evaluate(() => (window.marker = 7));
    expect(await city.page.locator('main').innerText()).toContain('対応中のお知らせはありません');

    await openYamadaAlert(server);
    await city.page.waitForFunction(mainHas, '山田 花子さん');
    expect(await city.page.locator('li.watch-alert').first().innerText()).toContain('未対応');

    // Answered on the support worker's own screen (where it arrived too).
    const card = support.page.locator('li.watch-alert', { hasText: '山田 花子さん' });
    await card.waitFor();
    await card.getByRole('button', { name: '訪問します' }).click();
    await city.page.waitForFunction(mainHas, '支援 久美子（集落支援員）「訪問します」');
    expect(await city.page.evaluate(() => window.marker)).toBe(7);
    await shot(city.page, 'city-watch-overview-1920x1080');
    await city.page.setViewportSize({ width: 1280, height: 800 });
    await shot(city.page, 'city-watch-overview-1280x800');
  });

  it("the family's page on a phone: the answers first, then the new status after answering", async () => {
    const mail = (await server.db.select().from(mailOutbox).all()).find((m) =>
      m.text.includes('/p/watch/ack/'),
    )!;
    const link = /(http:\/\/127\.0\.0\.1:\d+\/p\/watch\/ack\/[\w.-]+)/.exec(mail.text)![1]!;
    const context = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(link);
    // The support worker already said 訪問します: the family sees that, and the escalation has stopped.
    const body = page.locator('body');
    expect(await body.innerText()).toContain('対応中です');
    const answerTop = (await page.getByRole('button', { name: '連絡がとれました' }).boundingBox())!.y;
    const statusTop = (await page.getByRole('heading', { name: 'いまの状況' }).boundingBox())!.y;
    expect(answerTop).toBeLessThan(statusTop);
    expect(answerTop).toBeLessThan(844);
    await shot(page, 'family-ack-phone-before-390x844');
    await page.getByRole('button', { name: '大丈夫でした' }).click();
    await page.waitForURL(/done=fine/);
    const after = await body.innerText();
    expect(after).toContain('「大丈夫でした」を受け付けました');
    expect(after).toContain('確認が済み、終わりました');
    expect(after).not.toContain('にもお知らせします');
    await expect.poll(() => page.getByRole('button', { name: '連絡がとれました' }).count()).toBe(0);
    await shot(page, 'family-ack-phone-after-390x844');
  });
});
