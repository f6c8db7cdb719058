import AxeBuilder from '@axe-core/playwright';
import { and, eq, isNull } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import {
  droneDailyInspections,
  droneFlightParcels,
  droneFlights,
  droneWeatherChecks,
} from '../../db/src/schema/index.js';
import { addOrder, at, order, pack, withRoutes } from '../../server/src/drone/test-fixtures.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(s: string): { innerText: string; getAttribute(n: string): string | null } | null;
};

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const ITEMS = [
  '機体全般',
  'プロペラ',
  'フレーム',
  '通信系統',
  '推進系統',
  '電源系統',
  '自動制御系統',
  '操縦装置',
  'バッテリー',
];

let server: TestServer;
let browser: Browser;
let ids: number[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: at('10:00') });
  await withRoutes(server);
  // hall 1 (中尾) two parcels, hall 2 one, hall 3 a parcel over 5 kg (goes by car)
  ids = [
    await addOrder(server, 1, 2000),
    await addOrder(server, 2, 1500),
    await addOrder(server, 4, 1200),
    await addOrder(server, 7, 6000),
  ];
  server.clock.set(at('11:00'));
  await server.runJob('drone.cutoff-plan');
  server.clock.set(at('12:45'));
  await pack(server, ...ids);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function loginAs(loginId: string, path: string) {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: SIZES[0] });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  if (!page.url().endsWith(path)) await page.goto(`${server.baseUrl}${path}`);
  return page;
}

/** Serious and critical WCAG 2.1 AA findings of axe on the page as it is now. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Each screen at both sizes the console is made for, under test-artifacts/. */
async function shots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `role-drone-operator-${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

const seqOf = async (orderId: number) =>
  (await server.db
    .select({ seq: droneFlights.seq })
    .from(droneFlightParcels)
    .innerJoin(droneFlights, eq(droneFlights.id, droneFlightParcels.flightId))
    .where(and(eq(droneFlightParcels.orderId, orderId), isNull(droneFlightParcels.removedAt)))
    .get())!.seq;
const card = (page: Page, seq: number) => page.locator(`article[data-flight="${seq}"]`);

describe('the drone operator’s day', () => {
  let page: Page;

  it('inspects, checks the weather, launches and lands a flight with its timer running, and drives the car parcels', async () => {
    page = await loginAs('drone', '/console/drone');
    // the operator lands on the board of the day, not on a page of links
    expect(new URL(page.url()).pathname).toBe('/console/drone');
    await expect.poll(() => page.locator('h1').innerText()).toBe('ドローン基地 2026年11月24日(火)');
    expect(await page.locator('#timeline-h + ol').innerText()).toMatch(/11:00\s+注文の締め切り/);
    await shots(page, 'board-start');

    // the daily inspection starts unchecked; sent as it is, it is refused and nothing is written
    await page.getByRole('link', { name: '日常点検を記録' }).first().click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('日常点検・点検整備の記録');
    expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
    await page.getByRole('group', { name: 'プロペラ' }).getByLabel('正常').check();
    await page.getByRole('button', { name: '日常点検を記録' }).click();
    await expect
      .poll(() => page.locator('p.error[role=alert]').innerText())
      .toContain('点検項目のうち8項目が未回答です');
    expect(await page.locator('fieldset.check-item[aria-invalid=true]').count()).toBe(8);
    // the one answer given is kept
    expect(await page.getByRole('group', { name: 'プロペラ' }).getByLabel('正常').isChecked()).toBe(true);
    expect(await server.db.select().from(droneDailyInspections).all()).toEqual([]);
    expect(await serious(page)).toEqual([]);
    await shots(page, 'inspection-unanswered');

    for (let airframe = 0; airframe < 2; airframe++) {
      if (airframe > 0) await page.getByRole('link', { name: '日常点検を記録' }).first().click();
      for (const item of ITEMS) await page.getByRole('group', { name: item }).getByLabel('正常').check();
      await page.getByRole('button', { name: '日常点検を記録' }).click();
      await expect.poll(() => page.locator('p.notice').innerText()).toBe('日常点検を記録しました');
    }
    expect(await page.locator('ul.drones').innerText()).not.toContain('未点検');

    // the weather check: each landing site shows 飛行可 and why
    server.clock.set(at('12:50'));
    const weather = page.getByRole('form', { name: '気象確認の記録' });
    await weather.getByLabel('離陸地点の地上').fill('2.1');
    await weather.getByLabel('着陸地点の地上').fill('1.4');
    for (const band of ['0〜50m', '50〜100m', '100〜150m'])
      await weather.getByLabel(`上空 ${band}`).fill('3.2');
    await weather.getByRole('button', { name: '気象確認を記録' }).click();
    await expect.poll(() => page.locator('p.notice').innerText()).toContain('（飛行可）');
    expect(await page.locator('tr[data-site="2"]').innerText()).toMatch(
      /飛行可[\s\S]*基準内（地上風 2.1\/1.4・上空 3.2m\/秒・雨なし）/,
    );
    expect(await server.db.select().from(droneWeatherChecks).all()).toHaveLength(1);
    await shots(page, 'board-weather');

    // launch hall 2's flight: the card shows the time in the air, counting in the browser
    server.clock.set(at('13:00'));
    const seq = await seqOf(ids[2]!);
    await page.reload();
    await card(page, seq).getByLabel(`便${seq}の技能証明書番号`).fill('0123456789');
    await card(page, seq).getByRole('button', { name: '離陸' }).click();
    await expect.poll(() => card(page, seq).getAttribute('data-status')).toBe('launched');
    expect((await order(server, ids[2]!)).status).toBe('in_transit');
    const timer = card(page, seq).locator('.timer');
    const first = await timer.innerText();
    expect(first).toMatch(/^0:0\d$/);
    await expect.poll(() => timer.innerText()).not.toBe(first);
    expect(await card(page, seq).innerText()).toMatch(/着陸予定\s+13:\d\d/);
    expect(await page.locator('li.tl-now').innerText()).toContain('13:00');
    await card(page, seq).getByText('中止…').click();
    expect(await serious(page)).toEqual([]);
    await shots(page, 'board-in-air');
    await card(page, seq).getByText('中止…').click();

    server.clock.set(at('13:07'));
    await card(page, seq).getByRole('button', { name: '着陸' }).click();
    await expect.poll(() => card(page, seq).getAttribute('data-status')).toBe('landed');
    expect((await order(server, ids[2]!)).status).toBe('at_hall');
    server.clock.set(at('13:18'));
    await card(page, seq).getByRole('button', { name: '帰還' }).click();
    await expect.poll(() => card(page, seq).getAttribute('data-status')).toBe('returned');

    // the car fallback: the parcel over 5 kg leaves by car and reaches its hall
    const car = page.locator('[data-car-hall]');
    expect(await car.innerText()).toContain('荷物が5kgを超えるため、車でお届けします');
    await car.getByRole('button', { name: '車で出発' }).click();
    await expect.poll(() => page.locator('p.notice').innerText()).toContain('車の出発を記録しました（1件）');
    server.clock.set(at('13:40'));
    await page.locator('[data-car-hall]').getByRole('button', { name: '公民館に到着' }).click();
    await expect.poll(() => page.locator('p.notice').innerText()).toContain('車の到着を記録しました（1件）');
    expect((await order(server, ids[3]!)).status).toBe('at_hall');
    const timeline = await page.locator('#timeline-h + ol').innerText();
    expect(timeline).toMatch(/13:00\s+便\d+ 杉島集落センター 離陸/);
    expect(timeline).toContain('出発（1個）');
    expect(timeline).toContain('到着（1個）');
    await shots(page, 'board-car');
    await page.locator('#timeline-h').scrollIntoViewIfNeeded();
    await shots(page, 'board-timeline');
  });

  it('a flight launched on one board shows on another open drone board and on the hall page without reload (how fast: npm run bench:live)', async () => {
    const other = await loginAs('drone', '/console/drone');
    const hall = await loginAs('support', '/console/shop/hall');
    for (const p of [other, hall])
      await p.waitForFunction(() => document.documentElement.dataset.live === 'open');
    let navigations = 0;
    other.on('framenavigated', () => navigations++);
    hall.on('framenavigated', () => navigations++);
    const seq = await seqOf(ids[0]!);
    expect(await card(other, seq).getAttribute('data-status')).toBe('planned');
    // the hall page lists parcels once they are on their way
    expect(await hall.locator(`tr[data-order="${ids[0]}"]`).count()).toBe(0);

    server.clock.set(at('13:45'));
    await page.reload();
    await card(page, seq).getByRole('button', { name: '離陸' }).click();
    await Promise.all([
      other.waitForFunction(
        (s) =>
          document.querySelector(`article[data-flight="${s}"]`)?.getAttribute('data-status') === 'launched',
        seq,
      ),
      hall.waitForFunction(
        (id) => document.querySelector(`tr[data-order="${id}"]`)?.innerText.includes('配送中') ?? false,
        ids[0],
      ),
    ]);
    expect(navigations).toBe(0);
    expect(await card(other, seq).locator('.timer').count()).toBe(1);
    await shots(other, 'board-live-other');
    await shots(hall, 'hall-page-live');
  });
});
