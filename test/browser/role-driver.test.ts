import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  driverVehicles,
  households,
  places,
  staffUsers,
  taxiBookings,
} from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/index.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ now: '2026-11-24T00:30:00Z' }); // Tuesday 09:30 Tokyo
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** Household `box` books on its TV: from home to the clinic, arriving by `time`. */
async function book(box: number, time: string): Promise<number> {
  const clinic = (await server.db.select().from(places).where(eq(places.name, '長谷診療所')).get())!;
  const auth = { authorization: `Bearer ${demoBoxToken(box)}` };
  const opts = (await (await fetch(`${server.baseUrl}/api/taxi/options`, { headers: auth })).json()) as {
    residents: { id: number }[];
  };
  const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      idempotencyKey: `role-driver-${box}-${time}`,
      riderIds: [opts.residents[0]!.id],
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

const row = async (id: number) =>
  (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;

/** Arrangement: the vehicle's other rides are finished, so booking `id` is the tablet's next stop. */
async function onlyOpenRide(id: number) {
  const b = await row(id);
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

const driverOf = async (id: number) =>
  (await server.db
    .select({ loginId: staffUsers.loginId })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .where(eq(driverVehicles.vehicleId, (await row(id)).vehicleId))
    .get())!.loginId;

async function login(page: Page, loginId: string) {
  await page.goto(`${server.baseUrl}/console/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/console/login');
}

async function open(loginId: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale: 'ja-JP', viewport });
  contexts.push(context);
  const page = await context.newPage();
  await login(page, loginId);
  return page;
}

const mapReady = (page: Page) =>
  page.locator('figure.map-view[data-map-ready]').first().waitFor({ timeout: 10_000 });

const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800, box: 1 },
  { name: 'portrait-800x1280', width: 800, height: 1280, box: 2 },
  { name: '1920x1080', width: 1920, height: 1080, box: 3 },
];

describe('role: driver — the day on the tablet', () => {
  for (const vp of VIEWPORTS)
    it(`lands on the next stop with its address and map, picks up, undoes a wrong tap, drops off (${vp.name})`, async () => {
      server.clock.set('2026-11-24T00:30:00Z');
      const id = await book(vp.box, '10:30');
      await onlyOpenRide(id);
      server.clock.set(new Date((await row(id)).pickupFrom.getTime() - 5 * 60_000));
      const address = (await server.db
        .select()
        .from(households)
        .where(eq(households.id, (await row(id)).householdId))
        .get())!.address!;
      const city = await open('city', { width: 1920, height: 1080 });
      await city.goto(`${server.baseUrl}/console/taxi/city`);
      await city.waitForFunction(() => document.documentElement.dataset.live === 'open');

      const page = await open(await driverOf(id), vp);
      // the driver lands on the tablet itself, not on a page of links
      expect(new URL(page.url()).pathname).toBe('/console/taxi/driver');
      const next = page.getByRole('region', { name: '次の停車地' });
      await expect.poll(() => next.innerText()).toContain('自宅');
      expect(await next.innerText()).toContain(address);
      await mapReady(page);
      const map = page.locator('figure.map-view');
      expect(await map.getAttribute('aria-label')).toBe('次の停車地の地図');
      expect(await map.locator('.map-sym--home').count()).toBeGreaterThan(0);
      expect(await map.locator('path.base-road').count()).toBeGreaterThan(0);
      expect(await map.locator('.map-label--home').first().innerText()).toContain(address);
      await screenshot(page, `role-driver-next-stop-${vp.name}`);

      // a big target for the thumb
      const pickup = next.getByRole('button', { name: '乗車した' });
      const box = (await pickup.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(64);
      await pickup.click();
      await expect.poll(async () => (await row(id)).status).toBe('on_board');
      await expect.poll(() => next.innerText()).toContain('降車');
      await expect.poll(() => city.locator('main').innerText()).toContain('乗車中');

      // the wrong tap taken back: recorded, and the city board corrects itself without reload
      const undoBar = page.locator('.undo-bar');
      await expect.poll(() => undoBar.innerText()).toContain('直前の操作');
      await screenshot(page, `role-driver-undo-offered-${vp.name}`);
      await undoBar.getByRole('button', { name: '取り消す' }).click();
      await expect.poll(async () => (await row(id)).status).toBe('booked');
      await expect.poll(() => page.locator('main').innerText()).toContain('取り消しました');
      await expect.poll(() => city.locator('main').innerText()).not.toContain('乗車中');
      await mapReady(page);
      const undos = (
        await server.db.select().from(auditLog).where(eq(auditLog.action, 'taxi.ride.undo_pickup')).all()
      ).filter((a) => a.entityId === String(id));
      expect(undos).toHaveLength(1);

      // the real pickup, then the drop-off a quarter of an hour later
      server.clock.set((await row(id)).pickupFrom);
      await next.getByRole('button', { name: '乗車した' }).click();
      await expect.poll(async () => (await row(id)).status).toBe('on_board');
      server.clock.advance(15 * 60_000);
      await expect.poll(() => next.innerText()).toContain('長谷診療所');
      await mapReady(page);
      await screenshot(page, `role-driver-drop-off-${vp.name}`);
      await next.getByRole('button', { name: '降車した' }).click();
      await expect.poll(async () => (await row(id)).status).toBe('arrived');
      await expect.poll(() => page.locator('main').innerText()).toContain('すべて終わりました');
      await screenshot(page, `role-driver-day-done-${vp.name}`);

      // the vehicle is remembered for this driver: log out, log in, same vehicle
      const heading = await page.locator('main h2').first().innerText();
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await login(page, await driverOf(id));
      expect(await page.locator('main h2').first().innerText()).toBe(heading);
    });

  it('a ride left open yesterday comes first with 「前日から」, and 不在 closes it after a confirmation', async () => {
    server.clock.set('2026-11-24T00:30:00Z');
    const id = await book(4, '13:00');
    await onlyOpenRide(id);
    const b = await row(id);
    const day = 24 * 3600_000;
    const back = (d: Date) => new Date(d.getTime() - day);
    await server.db
      .update(taxiBookings)
      .set({
        serviceDate: '2026-11-23',
        pickupFrom: back(b.pickupFrom),
        pickupTo: back(b.pickupTo),
        plannedPickupAt: back(b.plannedPickupAt),
        plannedDropoffAt: back(b.plannedDropoffAt),
        expectedArrival: back(b.expectedArrival),
        latestArrival: back(b.latestArrival),
      })
      .where(eq(taxiBookings.id, id))
      .run();
    server.clock.set('2026-11-24T01:00:00Z');
    const page = await open(await driverOf(id), { width: 1280, height: 800 });
    const next = page.getByRole('region', { name: '次の停車地' });
    await expect.poll(() => next.innerText()).toContain('前日から');
    await mapReady(page);
    await screenshot(page, 'role-driver-carried-1280x800');
    await next.getByRole('button', { name: '不在' }).click();
    const dialog = page.getByRole('alertdialog', { name: '確認' });
    await expect.poll(() => dialog.innerText()).toContain('不在として記録します');
    await dialog.getByRole('button', { name: 'はい、不在' }).click();
    await expect.poll(async () => (await row(id)).status).toBe('no_show');
    await expect.poll(() => page.locator('main').innerText()).not.toContain('前日から');
  });
});
