import { readFileSync } from 'node:fs';
import { and, eq, isNull } from 'drizzle-orm';
import { droneFlightParcels, droneFlights } from '../../db/src/schema/index.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { addOrder, at, order, pack, withRoutes } from '../../server/src/drone/test-fixtures.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let browser: Browser;
let ids: number[];

beforeAll(async () => {
  server = await startTestServer({ now: at('10:00') });
  await withRoutes(server);
  // hall 1 gets two parcels (one flight), hall 2 one parcel, hall 3 a parcel over 5 kg (car)
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
  await browser?.close();
  await server?.close();
});

const row = (page: Page, seq: number) => page.locator(`article[data-flight="${seq}"]`);
/** Board number of the flight an order rides (flights are numbered by departure, not by hall). */
const seqOf = async (orderId: number) =>
  (await server.db
    .select({ seq: droneFlights.seq })
    .from(droneFlightParcels)
    .innerJoin(droneFlights, eq(droneFlights.id, droneFlightParcels.flightId))
    .where(and(eq(droneFlightParcels.orderId, orderId), isNull(droneFlightParcels.removedAt)))
    .get())!.seq;

describe('drone operator board', () => {
  it('checks the weather, inspects, launches, lands, returns, aborts and downloads the records', async () => {
    const context = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/console/drone`);
      await page.getByLabel('ログインID').fill('drone');
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL(/\/console\/drone/);
      await expect.poll(() => page.locator('h1').innerText()).toContain('2026年11月24日(火)');
      expect(await page.locator('#plan-status').innerText()).toContain('ドローン 3件（2便）、車 1件');
      expect(await page.locator('[data-car-hall]').innerText()).toContain(
        '荷物が5kgを超えるため、車でお届けします',
      );

      const hall1 = await seqOf(ids[0]!);
      const hall2 = await seqOf(ids[2]!);
      // take-off is refused before the weather check, with the reason on the board
      await row(page, hall1).getByLabel(`便${hall1}の技能証明書番号`).fill('0123456789');
      await row(page, hall1).getByRole('button', { name: '離陸' }).click();
      await expect.poll(() => page.locator('p.error[role=alert]').innerText()).toContain('気象確認');

      const form = page.getByRole('form', { name: '気象確認の記録' });
      await form.getByLabel('離陸地点の地上').fill('2.1');
      await form.getByLabel('着陸地点の地上').fill('1.4');
      for (const band of ['0〜50m', '50〜100m', '100〜150m'])
        await form.getByLabel(`上空 ${band}`).fill('3.2');
      await form.getByRole('button', { name: '気象確認を記録' }).click();
      await expect.poll(() => page.locator('p.notice').innerText()).toContain('本日はドローンでお届けします');
      expect(await page.locator('tr[data-site="1"]').innerText()).toContain('飛行可');

      // both airframes: the board links to the form until the day's inspection is recorded
      for (let i = 0; i < 2; i++) {
        await page.getByRole('link', { name: '日常点検を記録' }).first().click();
        for (const item of [
          '機体全般',
          'プロペラ',
          'フレーム',
          '通信系統',
          '推進系統',
          '電源系統',
          '自動制御系統',
          '操縦装置',
          'バッテリー',
        ])
          await page.getByRole('group', { name: item }).getByLabel('正常').check();
        await page.getByRole('button', { name: '日常点検を記録' }).click();
        await expect.poll(() => page.locator('p.notice').innerText()).toContain('日常点検を記録しました');
      }
      expect(await page.locator('#drones-h ~ ul').innerText()).not.toContain('未点検');

      server.clock.set(at('13:00'));
      await page.reload();
      await row(page, hall1).getByLabel(`便${hall1}の技能証明書番号`).fill('0123456789');
      await row(page, hall1).getByRole('button', { name: '離陸' }).click();
      await expect.poll(() => row(page, hall1).innerText()).toContain('離陸済み');
      expect((await order(server, ids[0]!)).status).toBe('in_transit');

      server.clock.set(at('13:08'));
      await row(page, hall1).getByRole('button', { name: '着陸' }).click();
      await expect.poll(() => row(page, hall1).innerText()).toContain('公民館に着陸');
      expect((await order(server, ids[0]!)).status).toBe('at_hall');
      server.clock.set(at('13:20'));
      await row(page, hall1).getByRole('button', { name: '帰還' }).click();
      await expect.poll(() => row(page, hall1).innerText()).toMatch(/帰還\s+13:20/);

      // abort needs a second step: the reason and a confirming button
      await row(page, hall2).getByText('中止…').click();
      await row(page, hall2).getByLabel('中止の理由').fill('機体の異音');
      await row(page, hall2)
        .getByRole('button', { name: `便${hall2}を中止する` })
        .click();
      await expect.poll(() => row(page, hall2).innerText()).toContain('中止');
      expect(await row(page, hall2).innerText()).toContain('機体の異音');
      // its parcel is re-planned onto a new flight, not lost
      expect(await seqOf(ids[2]!)).toBe(3);
      await expect.poll(() => row(page, 3).innerText()).toContain(`#${ids[2]}`);
      await screenshot(page, 'drone-board');

      await page.getByRole('link', { name: '飛行日誌・航路ファイル' }).click();
      const planDownload = page.waitForEvent('download');
      await page.getByRole('link', { name: '.plan をダウンロード' }).first().click();
      const plan = JSON.parse(readFileSync((await (await planDownload).path())!, 'utf8'));
      expect(plan.mission.items.map((i: { command: number }) => i.command)).toEqual([22, 16, 16, 21]);

      const droneId = (await server.db.select().from(droneFlights).where(eq(droneFlights.seq, hall1)).get())!
        .droneId;
      await page.locator('select[name="droneId"]').selectOption(String(droneId));
      expect(await page.getByLabel('から').inputValue()).toBe('2026-11-01');
      const csvDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
      const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
      expect(csv.split('\n')[0]).toContain('登録記号');
      expect(csv.split('\n').filter((l) => l.includes('中尾公民館'))).toHaveLength(2);
    } finally {
      await context.close();
    }
  });
});
