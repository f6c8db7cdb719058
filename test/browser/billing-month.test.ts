import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { addCharge, closeTime } from '../../server/src/billing/testing.js';
import { readDebitFile } from '../../server/src/billing/zengin/read-debit-file.js';
import { simulateBankResult } from '../../server/src/billing/zengin/simulate-bank-result.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer | undefined;
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  await server?.close();
  browser = server = undefined;
});

/** Words of the database that must never reach city staff's screen. */
const ENGLISH_STATE = /\b(OK|FAIL|paid|failed|pending|requested|active|stopped|written_off)\b/;

async function login(page: Page, base: string) {
  await page.goto(`${base}/console/login`);
  await page.getByLabel('ログインID').fill('city');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

describe('billing: the month close and the debit reconciliation, in Japanese', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`closes October, sends the debit file and reads the bank's result at ${viewport.width}×${viewport.height}`, async () => {
      server = await startTestServer({ now: closeTime('2026-11') });
      addCharge(server.sqlite, {
        householdId: 1,
        kind: 'goods',
        amountYen: 892,
        sellerId: 1,
        orderId: 7,
        month: '2026-10',
        description: 'りんご 3個',
      });
      browser = await launchBrowser();
      const context = await browser.newContext({ locale: 'ja-JP', viewport });
      const page = await context.newPage();
      const shot = (screen: string) => screenshot(page, `billing-${screen}-${viewport.width}`);
      await login(page, server.baseUrl);
      await page.goto(`${server.baseUrl}/console/billing`);
      const month = page.getByLabel('締める月');
      // A text field typed as 2026-10 with its reading, never the browser's own month picker.
      expect(await month.getAttribute('type')).toBeNull();
      expect(await page.locator('output[for="month-field-month"]').innerText()).toBe('2026年10月');
      await shot('months');

      await month.fill('2026-13');
      await page.getByRole('button', { name: '締める' }).click();
      expect(await page.locator('.field-error').innerText()).toContain('年-月');
      expect(await month.inputValue()).toBe('2026-13');
      await month.fill('2026-10');
      await page.getByRole('button', { name: '締める' }).click();
      await page.waitForURL(/\/console\/billing\/months\/2026-10$/);
      expect(await page.getByRole('status').first().innerText()).toBe('2026年10月を締めました');
      const checks = page.getByRole('table', { name: '締めの照合' });
      expect(await checks.locator('.badge.ok').allInnerTexts()).toEqual(['一致', '一致', '一致']);

      await page.getByRole('button', { name: '振替依頼データを作成' }).click();
      await expect
        .poll(() => page.getByRole('status').first().innerText())
        .toContain('振替依頼データを作成しました');
      expect(await page.getByRole('status').last().innerText()).toContain('振替結果を待っています');
      await shot('month-closed');

      // The bank answers on the debit day: one household's account had too little money (code 1).
      const request = Buffer.from(
        await (await page.request.get(`${server.baseUrl}/console/billing/months/2026-10/debit.txt`)).body(),
      );
      const records = readDebitFile(request, { kind: 'request' }).records;
      const result = simulateBankResult(request, new Map([[records[0]!.customerNumber, 1]]));
      server.clock.set('2026-11-27T06:00:00Z');
      // Weeks later the session has long expired: the operator signs in again.
      await login(page, server.baseUrl);
      await page.goto(`${server.baseUrl}/console/billing/months/2026-10`);
      await page
        .getByLabel('振替結果ファイルの取込')
        .setInputFiles({ name: 'result.txt', mimeType: 'text/plain', buffer: result });
      await page.getByRole('button', { name: '取り込む' }).click();
      await expect
        .poll(() => page.getByRole('status').first().innerText())
        .toContain('振替結果を取り込みました');
      expect(await page.getByRole('status').first().innerText()).toContain('振替不能 1件');
      const failed = page.getByRole('region', { name: '振替できていない世帯' });
      expect(await failed.innerText()).toContain('資金不足（翌月再振替）');
      expect(await failed.innerText()).toContain('振替不能');
      expect(await page.locator('main').innerText()).not.toMatch(ENGLISH_STATE);
      await shot('reconciled');

      await page.getByRole('link', { name: '← 請求・口座振替' }).click();
      expect(await page.locator('tr[data-month="2026-10"]').innerText()).toContain('振替結果取込済');
      await page.getByRole('link', { name: /未収金の対応リスト/ }).click();
      expect(await page.locator('main').innerText()).not.toMatch(ENGLISH_STATE);
      await shot('follow-ups');
    });
  }
});
