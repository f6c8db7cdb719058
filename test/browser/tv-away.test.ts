import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchAway } from '../../db/src/schema/index.js';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import {
  focusedLabel,
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

// Monday 23 November 2026, 10:00 in Tokyo.
useTvSuite({ now: '2026-11-23T01:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

async function keep(name: string): Promise<void> {
  const path = await screenshot(page, name);
  mkdirSync('/work/wt/home-shots', { recursive: true });
  copyFileSync(path, `/work/wt/home-shots/${name}.png`);
}

const allText = () => visibleTexts(page).then((t) => t.join('|'));
const saidSince = async (n: number) =>
  (await spoken(page))
    .slice(n)
    .map((u) => u.text)
    .join('|');

describe('away: the home screen says until when, and 「帰りました」 ends it', () => {
  it('after 留守にします the home screen says 11月26日まで and reads it; 帰りました ends the away period', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    expect(await allText()).not.toContain('留守にしています');

    // Home → お知らせ → 留守にします → 3日後に帰ります, arrows and 決定 only.
    await press(page, 'ArrowRight', 2);
    await press(page, 'Enter');
    await waitForRoute(page, 'notices');
    await expect.poll(allText, { timeout: 20_000 }).toContain('留守にします');
    await press(page, 'Enter');
    await expect.poll(allText, { timeout: 20_000 }).toContain('3日後に帰ります');
    await press(page, 'ArrowDown', 2);
    await press(page, 'Enter');
    await expect.poll(allText, { timeout: 20_000 }).toContain('ご利用料金');

    const before = (await spoken(page)).length;
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    await expect.poll(allText, { timeout: 20_000 }).toContain('11月26日まで留守にしています');
    await expect
      .poll(() => saidSince(before), { timeout: 20_000 })
      .toContain('11月26日まで留守にしています。帰ったら、下の「帰りました」を押してください');
    // The picture without the toast over it.
    await expect.poll(allText, { timeout: 20_000 }).not.toContain('留守を登録しました');
    await keep('home-away');

    // ↓ from the tiles reaches 「帰りました」; 決定 ends the away period now.
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('帰りました。留守を終わりにします');
    await keep('home-away-focused');
    await press(page, 'Enter');
    await expect.poll(allText, { timeout: 20_000 }).not.toContain('留守にしています');
    await expect.poll(() => saidSince(before), { timeout: 20_000 }).toContain('おかえりなさい');
    const rows = await server.db.select().from(watchAway).all();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.untilAt.getTime()).toBe(server.clock.now().getTime());
    // Focus is back on a tile, and the tiles still work.
    expect(await focusedLabel(page)).not.toBe('帰りました。留守を終わりにします');
    await press(page, 'Enter');
    await waitForRoute(page, 'notices');
  });
});
