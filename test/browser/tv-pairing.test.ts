import { copyFileSync, mkdirSync } from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { residents, setTopBoxes } from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/demo.js';
import { unpairBox } from '../../server/src/admin/boxes.js';
import { screenshot, spoken, visibleTexts, waitForReady, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

useTvSuite({ now: '2026-11-23T01:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

const SHOTS = '/work/wt/pairing-shots';
const HOUSEHOLD = 2;

describe('setting a box up by its number', () => {
  it('the number read off the TV, typed into the console, turns the TV into household N’s', async () => {
    // Household 2's old box was withdrawn (a replacement TV arrives): the household has none.
    const old = (await server.db
      .select({ id: setTopBoxes.id })
      .from(setTopBoxes)
      .where(and(eq(setTopBoxes.householdId, HOUSEHOLD), isNull(setTopBoxes.revokedAt)))
      .get())!;
    await unpairBox(server.db, { type: 'staff', id: 1 }, old.id, new Date());

    // The new TV, never provisioned: no token, a short poll for the test.
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate(`localStorage.clear(); localStorage.setItem('engawa.test.pairingPollMs', '300')`);
    await page.goto(`${server.baseUrl}/`);
    await waitForReady(page);
    await waitForRoute(page, 'unregistered');
    const shown = (await visibleTexts(page)).find((t) => /^\d{4} \d{4}$/.test(t));
    expect(shown).toBeDefined();
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(await screenshot(page, 'tv-unregistered-number'), `${SHOTS}/tv-unregistered-number.png`);

    // The call centre hears the number and the admin types it, as written down (full-width, spaced).
    const fullWidth = shown!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const consoleContext = await page
      .context()
      .browser()!
      .newContext({
        locale: 'ja-JP',
        viewport: { width: 1280, height: 900 },
      });
    try {
      const admin = await consoleContext.newPage();
      await admin.goto(`${server.baseUrl}/console/login`);
      await admin.getByLabel('ログインID').fill('admin');
      await admin.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await admin.getByRole('button', { name: 'ログイン' }).click();
      await admin.waitForURL((u) => u.pathname !== '/console/login');
      await admin.goto(`${server.baseUrl}/console/admin/boxes`);

      // A misheard number: a clear error, nothing changes, the TV stays where it is.
      await admin.getByLabel('テレビの番号（8けた）').fill('1234 5678');
      await admin.locator('form[action$="/pair-code"]').getByLabel('世帯').selectOption(String(HOUSEHOLD));
      await admin.getByRole('button', { name: 'この番号のテレビを登録' }).click();
      await expect.poll(() => admin.locator('body').innerText()).toContain('番号が正しくありません');

      await admin.getByLabel('テレビの番号（8けた）').fill(fullWidth);
      await admin.locator('form[action$="/pair-code"]').getByLabel('世帯').selectOption(String(HOUSEHOLD));
      const formShot = await admin.screenshot({
        path: `${SHOTS}/console-pair-code-form.png`,
        fullPage: true,
      });
      expect(formShot.length).toBeGreaterThan(0);
      await admin.getByRole('button', { name: 'この番号のテレビを登録' }).click();
      await expect.poll(() => admin.locator('body').innerText()).toContain('のテレビを登録しました');
      await admin.screenshot({ path: `${SHOTS}/console-pair-code-done.png`, fullPage: true });
    } finally {
      await consoleContext.close();
    }

    // The TV notices by itself and says so, then starts afresh as the household's box.
    await expect
      .poll(async () => (await spoken(page)).map((u) => u.text).join('|'), { timeout: 20_000 })
      .toContain('登録できました');
    expect(await visibleTexts(page)).toContain('登録できました');
    await waitForRoute(page, 'home');
    await waitForReady(page);
    const names = (
      await server.db
        .select({ name: residents.name })
        .from(residents)
        .where(eq(residents.householdId, HOUSEHOLD))
        .all()
    ).map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await visibleTexts(page)).join('|'), { timeout: 20_000 })
      .toContain(names[0]!);
    copyFileSync(await screenshot(page, 'tv-after-pairing'), `${SHOTS}/tv-after-pairing.png`);

    // Switched off and on: the box keeps its token and is still household 2's.
    await page.reload();
    await waitForReady(page);
    await waitForRoute(page, 'home');
    await expect
      .poll(async () => (await visibleTexts(page)).join('|'), { timeout: 20_000 })
      .toContain(names[0]!);
  });

  it('a box whose token was withdrawn is set up again by its number and greets its household', async () => {
    const HH = 3;
    const old = (await server.db
      .select({ id: setTopBoxes.id })
      .from(setTopBoxes)
      .where(and(eq(setTopBoxes.householdId, HH), isNull(setTopBoxes.revokedAt)))
      .get())!;
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate(`localStorage.clear(); localStorage.setItem('engawa.test.pairingPollMs', '300')`);
    await unpairBox(server.db, { type: 'staff', id: 1 }, old.id, new Date());
    await page.goto(`${server.baseUrl}/?token=${demoBoxToken(HH)}`);
    await waitForReady(page);
    await waitForRoute(page, 'unregistered');
    const shown = (await visibleTexts(page)).find((t) => /^\d{4} \d{4}$/.test(t))!;

    const consoleContext = await page.context().browser()!.newContext({ locale: 'ja-JP' });
    try {
      const admin = await consoleContext.newPage();
      await admin.goto(`${server.baseUrl}/console/login`);
      await admin.getByLabel('ログインID').fill('admin');
      await admin.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await admin.getByRole('button', { name: 'ログイン' }).click();
      await admin.waitForURL((u) => u.pathname !== '/console/login');
      await admin.goto(`${server.baseUrl}/console/admin/boxes`);
      await admin.getByLabel('テレビの番号（8けた）').fill(shown);
      await admin.locator('form[action$="/pair-code"]').getByLabel('世帯').selectOption(String(HH));
      await admin.getByRole('button', { name: 'この番号のテレビを登録' }).click();
      await expect.poll(() => admin.locator('body').innerText()).toContain('のテレビを登録しました');
    } finally {
      await consoleContext.close();
    }

    await waitForRoute(page, 'home');
    const name = (await server.db
      .select({ name: residents.name })
      .from(residents)
      .where(eq(residents.householdId, HH))
      .get())!.name;
    await expect.poll(async () => (await visibleTexts(page)).join('|'), { timeout: 20_000 }).toContain(name);
  });
});
