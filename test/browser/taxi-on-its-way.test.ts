import type { Browser, Page, Request } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { DEMO_PASSWORD } from '../../db/src/seed/index.js';
import { driverVehicles, staffUsers, taxiBookings } from '../../db/src/schema/index.js';
import { openTv, press, screenshot, spoken, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let browser: Browser;
let page: Page;

// Tue 24 Nov 2026 09:30 in Tokyo: a service day.
useTvSuite({ now: '2026-11-24T00:30:00Z' }, (s) => ({ server, browser, page } = s));

const ON_ITS_WAY = 'タクシーが向かっています（あと約';
/** The test build polls every second instead of every 20 s (read from storage by main.ts). */
const POLL_MS = 1_000;

const booking = async (id: number) =>
  (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;

async function book(body: object): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(1)}` },
    body: JSON.stringify({ riderIds: [1], from: { kind: 'home' }, ...body }),
  });
  const answer = (await res.json()) as { status: string; booking: { id: number } };
  expect(answer.status).toBe('accepted');
  return answer.booking.id;
}

async function driverTablet(vehicleId: number): Promise<Page> {
  const login = (await server.db
    .select({ loginId: staffUsers.loginId })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .where(eq(driverVehicles.vehicleId, vehicleId))
    .get())!.loginId;
  const c = await browser.newContext({ viewport: { width: 1024, height: 1366 }, locale: 'ja-JP' });
  const p = await c.newPage();
  await p.goto(`${server.baseUrl}/console/login?next=/console/taxi/driver`);
  await p.fill('input[name=loginId]', login);
  await p.fill('input[name=password]', DEMO_PASSWORD);
  await p.click('button[type=submit]');
  await p.waitForURL('**/console/taxi/driver');
  return p;
}

const onScreen = async (needle: string) => (await visibleTexts(page)).some((t) => t.includes(needle));
const said = async () => (await spoken(page)).map((u) => u.text).join(' ');

describe('the taxi on its way, over any page', () => {
  it('shows and reads 「タクシーが向かっています（あと約◯分）」 when the driver sets off; once per ride; gone when picked up', async () => {
    const a = await book({
      idempotencyKey: 'on-its-way-a',
      to: { kind: 'place', placeId: 1 },
      timeKind: 'arrive_by',
      time: '10:45',
    });
    const b = await book({
      idempotencyKey: 'on-its-way-b',
      to: { kind: 'place', placeId: 1 },
      timeKind: 'leave_after',
      time: '13:00',
    });
    expect((await booking(b)).vehicleId).toBe((await booking(a)).vehicleId);

    let statusPolls = 0;
    page.on('request', (r: Request) => {
      if (r.url().includes('/api/taxi/rides/status')) statusPolls++;
    });
    await page.addInitScript(`localStorage.setItem('engawa.test.taxiPollMs', '${POLL_MS}')`);
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'ArrowRight'); // the resident is somewhere on the home screen

    // 1. The driver taps 「お迎えに向かう」 for ride A on the tablet.
    server.clock.set((await booking(a)).pickupFrom.getTime() - 10 * 60_000);
    const driver = await driverTablet((await booking(a)).vehicleId);
    await driver.getByRole('button', { name: 'お迎えに向かう' }).click();
    await driver.waitForURL('**/console/taxi/driver');
    expect((await booking(a)).departedAt).not.toBeNull();
    const minutes = Math.ceil(
      ((await booking(a)).pickupEtaAt!.getTime() - server.clock.now().getTime()) / 60_000,
    );
    const message = `タクシーが向かっています（あと約${Math.max(1, minutes)}分）`;

    // 2. The TV, still on the home screen, shows and reads it within a poll.
    await page.waitForFunction(
      (n) =>
        (globalThis as unknown as { __engawa: { visibleTexts: string[] } }).__engawa.visibleTexts.some((t) =>
          t.includes(n),
        ),
      message,
      { timeout: 15_000 },
    );
    await expect.poll(said).toContain(message);
    expect(await said()).toContain('自宅にお迎えに行きます');
    expect(await hookRoute()).toBe('home');
    await screenshot(page, 'taxi-on-its-way');

    // 3. 決定 closes it, and it does not come back for the same ride.
    await press(page, 'Enter');
    await expect.poll(() => onScreen(ON_ITS_WAY)).toBe(false);
    const after = statusPolls;
    await expect.poll(() => statusPolls, { timeout: 15_000 }).toBeGreaterThanOrEqual(after + 2);
    expect(await onScreen(ON_ITS_WAY)).toBe(false);
    expect((await said()).split(message).length - 1).toBe(1); // read aloud once

    // 4. Ride A is ridden; the resident opens the taxi page.
    await driver.click(`.stop[data-booking="${a}"][data-kind="pickup"] button`);
    server.clock.set((await booking(a)).plannedDropoffAt);
    await driver.reload();
    await driver.click(`.stop[data-booking="${a}"][data-kind="dropoff"] button`);
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');

    // 5. For ride B the message comes over the taxi page, and goes by itself once picked up.
    server.clock.set((await booking(b)).pickupFrom.getTime() - 10 * 60_000);
    await driver.reload();
    await driver.getByRole('button', { name: 'お迎えに向かう' }).click();
    await expect.poll(() => onScreen(ON_ITS_WAY), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'taxi-on-its-way-over-taxi-page');
    await driver.click(`.stop[data-booking="${b}"][data-kind="pickup"] button`);
    await expect.poll(() => onScreen(ON_ITS_WAY), { timeout: 15_000 }).toBe(false);
    expect(await hookRoute()).toBe('taxi');
    await driver.context().close();
  });
});

const hookRoute = () => page.evaluate('window.__engawa.route') as Promise<string>;
