import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isBoxCode } from '../../tv-app/src/pages/unregistered/boxCode.js';
import {
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForReady,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

useTvSuite({ now: '2026-11-23T01:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

const shownCode = async () => (await visibleTexts(page)).find((t) => /^\d{4} \d{4}$/.test(t));

describe('the unregistered box', () => {
  it('shows whom to call and its own number, large, reads both digit by digit, and keeps the number', async () => {
    await openTv(page, server.baseUrl, null);
    await waitForRoute(page, 'unregistered');
    const texts = await visibleTexts(page);
    expect(texts).toContain('この機械はまだ登録されていません');
    expect(texts).toContain('0265-78-4111');
    expect(texts).toContain('お電話番号（平日 9時から17時）');
    const code = await shownCode();
    expect(code).toBeDefined();
    expect(isBoxCode(code!.replace(' ', ''))).toBe(true);

    const digits = (s: string) =>
      [...s].map(
        (d) => ['ゼロ', 'いち', 'に', 'さん', 'よん', 'ご', 'ろく', 'なな', 'はち', 'きゅう'][Number(d)],
      );
    const expected = `この機械の番号は、${digits(code!.slice(0, 4)).join('、')}。${digits(code!.slice(5)).join('、')}です。`;
    await expect
      .poll(async () => (await spoken(page)).map((u) => u.text).join('|'), { timeout: 20_000 })
      .toContain(expected);
    const said = (await spoken(page)).map((u) => u.text).join('|');
    expect(said).toContain('お電話番号は、ゼロ、に、ろく、ご。なな、はち。よん、いち、いち、いちです。');
    expect(said).not.toMatch(/。。/);
    const path = await screenshot(page, 'home-unregistered');
    mkdirSync('/work/wt/home-shots', { recursive: true });
    copyFileSync(path, '/work/wt/home-shots/home-unregistered.png');

    // 決定 reads it again, for a resident writing it down.
    const before = (await spoken(page)).filter((u) => u.text.includes(expected)).length;
    await press(page, 'Enter');
    await expect
      .poll(async () => (await spoken(page)).filter((u) => u.text.includes(expected)).length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(before);

    // Switched off and on again (the app reloads): the same number, so what was read out still holds.
    await page.reload();
    await waitForReady(page);
    await waitForRoute(page, 'unregistered');
    expect(await shownCode()).toBe(code);
  });
});
