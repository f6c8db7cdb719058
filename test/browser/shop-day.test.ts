import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken, DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import {
  charges,
  dronePorts,
  droneRoutes,
  drones,
  handovers,
  households,
  orders,
} from '../../db/src/schema/index.js';
import { saveRoute } from '../../server/src/drone/save-route.js';
import {
  launchBrowser,
  newTvPage,
  openTv,
  press,
  screenshot,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The whole day of a shopping order, through real screens: the resident orders on the TV, the
 * cut-off jobs run (clock moved), the store picks and packs on the console, the drone operator
 * checks the weather and flies (or, with 7 m/s wind, sends the car), the support worker hands the
 * parcel over, and the TV shows お届け済み.
 */
let server: TestServer;
let browser: Browser;
let tv: { context: BrowserContext; page: Page };
/** One browser context per staff login, as each person has their own browser. */
let staff: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: '2026-11-24T00:00:00Z' }); // Tue 09:00 Tokyo
  browser = await launchBrowser();
  // The operator's route to household 1's hall, unless the demo data already has one.
  const hamletId = (await server.db.select().from(households).where(eq(households.id, 1)).get())!.hamletId;
  if (!(await server.db.select().from(droneRoutes).where(eq(droneRoutes.hamletId, hamletId)).get())) {
    const port = (await server.db.select().from(dronePorts).get())!;
    await saveRoute(
      server.db,
      hamletId,
      { portId: port.id, waypoints: [] },
      { type: 'staff', id: 3 },
      server.clock.now(),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  tv = await newTvPage(browser);
  staff = [];
});

afterEach(async () => {
  await tv.context.close();
  for (const c of staff) await c.close();
});

const waitForText = (page: Page, needle: string) =>
  page.waitForFunction(
    (n) =>
      (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some((t) =>
        t.includes(n),
      ),
    needle,
    { timeout: 15_000 },
  );

/** The resident orders three favourites with the remote; returns the new order's id. */
async function orderOnTv(): Promise<number> {
  const { page } = tv;
  await openTv(page, server.baseUrl, demoBoxToken(1));
  await waitForRoute(page, 'home');
  await press(page, 'Enter');
  await waitForRoute(page, 'shop');
  await press(page, 'Blue'); // お気に入り
  await waitForRoute(page, 'shop/list/favourites/0');
  await waitForText(page, 'たまご 10個');
  await press(page, 'Enter');
  await press(page, 'ArrowRight');
  await press(page, 'Enter');
  await press(page, 'ArrowRight');
  await press(page, 'Enter');
  await press(page, 'Yellow');
  await waitForRoute(page, 'shop/cart');
  await waitForText(page, '注文する（');
  await press(page, 'Enter'); // 注文する: the order summary
  await waitForText(page, 'ご注文の確認');
  await press(page, 'Enter'); // この内容で注文する
  await waitForText(page, '注文を受け付けました');
  await press(page, 'Enter');
  await waitForRoute(page, 'shop/orders');
  const mine = await server.db.select().from(orders).where(eq(orders.householdId, 1)).all();
  return mine.at(-1)!.id;
}

/** The TV's status screen, opened afresh from the home screen (as the resident would later). */
async function tvStatus(): Promise<string[]> {
  const { page } = tv;
  await openTv(page, server.baseUrl, demoBoxToken(1));
  await waitForRoute(page, 'home');
  await press(page, 'Enter');
  await waitForRoute(page, 'shop');
  await press(page, 'Red'); // 注文の状況
  await waitForRoute(page, 'shop/orders');
  await waitForText(page, '注文の状況');
  await page.waitForFunction(
    () =>
      ((globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.length ??
        0) > 3,
  );
  return visibleTexts(page);
}

async function login(loginId: string): Promise<Page> {
  const context = await browser.newContext();
  staff.push(context);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/login`);
  await page.fill('input[name=loginId]', loginId);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/console(\/|$)/);
  return page;
}

async function storePacks(date: string, orderId: number) {
  const page = await login('store');
  await page.goto(`${server.baseUrl}/console/shop/picking?date=${date}`);
  // Pick each line of the order, then pack. The board swaps the hall's section in place after each
  // pick, so wait for the line's button to go before looking for the next one.
  const buttons = page.locator(`tr:has(td:text-is("#${orderId}")) button:text("ピック済み")`);
  for (let left = await buttons.count(); left > 0; left = await buttons.count()) {
    await buttons.first().click();
    await expect.poll(() => buttons.count()).toBeLessThan(left);
  }
  await page.click(`button:text("#${orderId} を梱包済みにする")`);
  await page.waitForSelector('.notice');
  expect(await page.textContent('.notice')).toContain(`#${orderId} を梱包済みにしました`);
  await screenshot(page, `shop-day-picking-${date}`);
  await page.close();
}

async function operatorWeather(page: Page, date: string, groundWind: string) {
  await page.goto(`${server.baseUrl}/console/drone?date=${date}`);
  const form = page.locator('form[aria-label="気象確認の記録"]');
  for (const input of await form.locator('input[inputmode=decimal]').all()) await input.fill('2');
  await form.locator('input[name=groundWindTakeoffMps]').fill(groundWind);
  await form.locator('input[name=groundWindLandingMps]').fill(groundWind);
  await form.locator('button[type=submit]').click();
  await page.waitForLoadState();
}

async function supportHandsOver(date: string, orderId: number) {
  const page = await login('support');
  await page.goto(`${server.baseUrl}/console/shop/hall?date=${date}`);
  await page.selectOption(`select[aria-label="#${orderId} の様子"]`, 'handed');
  await page.fill(`input[aria-label="#${orderId} のメモ"]`, '元気そう');
  await page.click(`button:text("#${orderId} を記録する")`);
  await page.waitForSelector('.notice');
  await page.close();
}

describe('a day of shopping, end to end', () => {
  it('delivers by drone: order → cut-off → packing → weather → flight → handover → お届け済み', async () => {
    const orderId = await orderOnTv();
    expect(await tvStatus()).toEqual(expect.arrayContaining([expect.stringContaining('受付')]));

    server.clock.set('2026-11-24T02:00:00Z'); // 11:00 Tokyo, the cut-off
    await server.runJob('shop.start-picking');
    await server.runJob('drone.cutoff-plan');
    expect((await server.db.select().from(orders).where(eq(orders.id, orderId)).get())!.status).toBe(
      'preparing',
    );

    server.clock.set('2026-11-24T03:00:00Z');
    await storePacks('2026-11-24', orderId);
    expect(await tvStatus()).toEqual(expect.arrayContaining([expect.stringContaining('準備中')]));

    server.clock.set('2026-11-24T04:00:00Z'); // 13:00, the flight window
    const op = await login('drone');
    for (const d of await server.db.select().from(drones).all()) {
      await op.goto(`${server.baseUrl}/console/drone/inspection?droneId=${d.id}&date=2026-11-24`);
      // the nine items start unanswered: each is checked on purpose
      for (const ok of await op.locator('input[type=radio][value=ok]').all()) await ok.check();
      await op.click('button:text("日常点検を記録")');
      await op.waitForLoadState();
    }
    await operatorWeather(op, '2026-11-24', '2');
    const row = op.locator(`article[data-flight]:has(.flight-meta:has-text("#${orderId}"))`);
    await row.locator('input[name=pilotLicenceNo]').fill('一等-0001');
    await row.locator('button:text("離陸")').click();
    await op.waitForLoadState();
    expect(await tvStatus()).toEqual(expect.arrayContaining([expect.stringContaining('配送中（ドローン）')]));
    server.clock.set('2026-11-24T04:15:00Z');
    await row.locator('button:text("着陸")').click();
    await op.waitForLoadState();
    await screenshot(op, 'shop-day-drone-board');
    expect((await server.db.select().from(orders).where(eq(orders.id, orderId)).get())!.status).toBe(
      'at_hall',
    );

    server.clock.set('2026-11-24T08:00:00Z'); // 17:00
    await supportHandsOver('2026-11-24', orderId);
    const texts = await tvStatus();
    await screenshot(tv.page, 'shop-day-delivered');
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('お届け済み')]));
    const o = (await server.db.select().from(orders).where(eq(orders.id, orderId)).get())!;
    expect(o).toMatchObject({ status: 'delivered', deliveryMode: 'drone' });
    expect(
      await server.db.select().from(handovers).where(eq(handovers.orderId, orderId)).all(),
    ).toMatchObject([{ outcome: 'handed', note: '元気そう' }]);
    expect(await server.db.select().from(charges).where(eq(charges.orderId, orderId)).all()).toHaveLength(3);
  });

  it('sends the parcel by car when the wind is 7 m/s, and the TV says why', async () => {
    server.clock.set('2026-11-25T00:00:00Z'); // Wed 09:00
    const orderId = await orderOnTv();
    server.clock.set('2026-11-25T02:00:00Z');
    await server.runJob('shop.start-picking');
    await server.runJob('drone.cutoff-plan');
    server.clock.set('2026-11-25T03:00:00Z');
    await storePacks('2026-11-25', orderId);

    server.clock.set('2026-11-25T04:00:00Z');
    const op = await login('drone');
    await operatorWeather(op, '2026-11-25', '7');
    const o1 = (await server.db.select().from(orders).where(eq(orders.id, orderId)).get())!;
    expect(o1.deliveryMode).toBe('car');
    expect(o1.deliveryModeReason).toMatch(/風/);
    const hall = op.locator(`[data-car-hall]:has(li:text("#${orderId}"))`);
    await hall.locator('button:text("車で出発")').click();
    await op.waitForLoadState();
    const texts = await tvStatus();
    expect(texts).toEqual(expect.arrayContaining([expect.stringContaining('配送中（車）')]));
    expect(texts.join('\n')).toContain('風が強いため');
    await screenshot(tv.page, 'shop-day-car');

    await op.locator(`[data-car-hall]:has(li:text("#${orderId}")) button:text("公民館に到着")`).click();
    await op.waitForLoadState();
    server.clock.set('2026-11-25T08:00:00Z');
    await supportHandsOver('2026-11-25', orderId);
    expect(await tvStatus()).toEqual(expect.arrayContaining([expect.stringContaining('お届け済み')]));
    expect(await server.db.select().from(orders).where(eq(orders.id, orderId)).get()).toMatchObject({
      status: 'delivered',
      deliveryMode: 'car',
    });
  });
});
