import { mkdirSync } from 'node:fs';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  driverVehicles,
  places,
  rideEventKeys,
  staffUsers,
  taxiBookings,
} from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/index.js';
import { launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  querySelector(s: string): { innerText: string } | null;
};
declare const window: { dispatchEvent(e: Event): boolean };

const SHOTS = '/work/wt/c6-shots';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startTestServer({ now: '2026-11-24T00:30:00Z' }); // Tuesday 09:30 Tokyo
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Books a ride for household `box` on its TV: from home to the clinic, arriving by `time`. */
async function book(box: number, time: string): Promise<number> {
  const clinic = (await server.db.select().from(places).where(eq(places.name, '長谷診療所')).get())!;
  const riders = (await (
    await fetch(`${server.baseUrl}/api/taxi/options`, {
      headers: { authorization: `Bearer ${demoBoxToken(box)}` },
    })
  ).json()) as { residents: { id: number }[] };
  const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(box)}` },
    body: JSON.stringify({
      idempotencyKey: `live-${box}-${time}`,
      riderIds: [riders.residents[0].id],
      companions: 0,
      from: { kind: 'home' },
      to: { kind: 'place', placeId: clinic.id },
      timeKind: 'arrive_by',
      time,
    }),
  });
  const body = (await res.json()) as { status: string; booking: { id: number } };
  expect(body.status, JSON.stringify(body)).toBe('accepted');
  return body.booking.id;
}

async function loginAs(loginId: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ locale: 'ja-JP', viewport });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/console/login');
  return { context, page };
}

const driverLoginOf = async (bookingId: number) => {
  const vehicleId = (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, bookingId)).get())!
    .vehicleId;
  return (await server.db
    .select({ loginId: staffUsers.loginId })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .where(eq(driverVehicles.vehicleId, vehicleId))
    .get())!.loginId;
};

/** Test arrangement: the vehicle's other rides are finished, so booking `id` is the tablet's next stop. */
async function onlyOpenRide(id: number) {
  const b = (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;
  await server.db
    .update(taxiBookings)
    .set({ status: 'arrived' })
    .where(
      and(
        eq(taxiBookings.vehicleId, b.vehicleId),
        ne(taxiBookings.id, id),
        inArray(taxiBookings.status, ['booked', 'on_board']),
      ),
    )
    .run();
}

const statusOf = async (id: number) =>
  (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!.status;

describe('taxi boards are live', () => {
  let contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  it('a pickup tapped on the driver’s tablet shows on the open city board without reload (how fast: npm run bench:live)', async () => {
    const id = await book(1, '10:30');
    server.clock.set(
      (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!.pickupFrom,
    );
    const city = await loginAs('city', { width: 1920, height: 1080 });
    const driver = await loginAs(await driverLoginOf(id));
    contexts.push(city.context, driver.context);
    await city.page.goto(`${server.baseUrl}/console/taxi/city`);
    await city.page.waitForFunction(() => document.documentElement.dataset.live === 'open');
    await city.page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    let navigations = 0;
    city.page.on('framenavigated', () => navigations++);
    const rides = city.page.locator('[data-figure="rides"]');
    const before = await city.page.locator('main').innerText();
    expect(before).toContain('迎車中');
    expect(before).not.toContain('乗車中');

    await driver.page.goto(`${server.baseUrl}/console/taxi/driver`);
    const next = driver.page.getByRole('region', { name: '次の停車地' });
    await expect.poll(() => next.innerText()).toContain('自宅');
    await driver.page.screenshot({ path: `${SHOTS}/driver-landscape-1280x800.png` });
    await driver.page.setViewportSize({ width: 800, height: 1280 });
    await driver.page.screenshot({ path: `${SHOTS}/driver-portrait-800x1280.png` });
    await next.getByRole('button', { name: '乗車した' }).click();

    await city.page.waitForFunction(
      () => document.querySelector('main')!.innerText.includes('乗車中'),
      undefined,
    );
    expect(navigations).toBe(0);
    expect(await city.page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    expect(await rides.count()).toBe(1);
    expect(await statusOf(id)).toBe('on_board');
    await city.page.screenshot({ path: `${SHOTS}/city-board-live-1920x1080.png` });
    await expect
      .poll(() => driver.page.getByRole('region', { name: '次の停車地' }).innerText())
      .toContain('降車');
    await driver.page.screenshot({ path: `${SHOTS}/driver-after-pickup-800x1280.png` });
  });

  it('a pickup tapped without signal is queued and recorded exactly once when back online', async () => {
    const id = await book(2, '11:00');
    await onlyOpenRide(id);
    server.clock.set(
      (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!.pickupFrom,
    );
    const driver = await loginAs(await driverLoginOf(id));
    contexts.push(driver.context);
    const { page, context } = driver;
    await page.goto(`${server.baseUrl}/console/taxi/driver`);
    const card = page.locator(`section.next[data-booking="${id}"]`);
    await expect.poll(() => card.count()).toBe(1);

    await context.setOffline(true);
    await card.getByRole('button', { name: '乗車した' }).click();
    await expect.poll(() => page.locator('#pending').innerText()).toContain('送信待ち');
    await page.screenshot({ path: `${SHOTS}/driver-offline-1280x800.png` });
    expect(await statusOf(id)).toBe('booked');

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => await statusOf(id)).toBe('on_board');
    await expect.poll(() => page.locator('#pending').isHidden()).toBe(true);
    // a second flush (another online event, a reload) must not send it again
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.reload();
    const keys = await server.db.select().from(rideEventKeys).where(eq(rideEventKeys.bookingId, id)).all();
    expect(keys).toHaveLength(1);
    const audits = (
      await server.db.select().from(auditLog).where(eq(auditLog.action, 'taxi.ride.pickup')).all()
    ).filter((a) => a.entityId === String(id));
    expect(audits).toHaveLength(1);
  });

  it('不在 asks for confirmation before it is recorded', async () => {
    const id = await book(3, '11:30');
    await onlyOpenRide(id);
    const b = (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;
    server.clock.set(new Date(b.pickupFrom.getTime() + 30 * 60_000));
    const driver = await loginAs(await driverLoginOf(id));
    contexts.push(driver.context);
    const { page } = driver;
    await page.goto(`${server.baseUrl}/console/taxi/driver`);
    const card = page.locator(`section.next[data-booking="${id}"]`);
    await card.getByRole('button', { name: '不在' }).click();
    const dialog = page.getByRole('alertdialog', { name: '確認' });
    await expect.poll(() => dialog.innerText()).toContain('不在として記録します');
    expect(await statusOf(id)).toBe('booked');
    await page.screenshot({ path: `${SHOTS}/driver-confirm-no-show-1280x800.png` });
    await dialog.getByRole('button', { name: 'はい、不在' }).click();
    await expect.poll(async () => await statusOf(id)).toBe('no_show');
  });
});
