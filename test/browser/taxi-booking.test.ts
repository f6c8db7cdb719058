import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { DEMO_PASSWORD } from '../../db/src/seed/index.js';
import { charges, driverVehicles, staffUsers, taxiBookings } from '../../db/src/schema/index.js';
import {
  focusedLabel,
  newTvPage,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForRoute,
  type TvKey,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let browser: Browser;
let page: Page;

// Tue 24 Nov 2026 09:30 in Tokyo (00:30 UTC): a service day, bookings open from 10:00.
useTvSuite({ now: '2026-11-24T00:30:00Z' }, (s) => ({ server, browser, page } = s));

/** Waits for a label containing `needle`; on timeout the error names what was on screen. */
async function waitForText(p: Page, needle: string): Promise<void> {
  try {
    await p.waitForFunction(
      (n) =>
        (globalThis as unknown as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts.some(
          (t) => t.includes(n),
        ),
      needle,
      { timeout: 15_000 },
    );
  } catch (e) {
    await screenshot(p, `taxi-missing-${needle}`);
    throw new Error(`"${needle}" not on screen; saw: ${JSON.stringify(await visibleTexts(p))}`, { cause: e });
  }
}

const bookingsOf = async (householdId: number) =>
  await server.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, householdId)).all();

/** Opens the TV of `box`, goes to the taxi page's booking list and waits for a status. */
async function tvShowsStatus(box: number, status: string): Promise<void> {
  const { context: c, page: p } = await newTvPage(browser);
  await openTv(p, server.baseUrl, demoBoxToken(box));
  await waitForRoute(p, 'home');
  await press(p, 'Red');
  await waitForRoute(p, 'taxi');
  await waitForText(p, '予約の確認');
  await press(p, 'ArrowDown');
  await press(p, 'Enter');
  await waitForText(p, status);
  await screenshot(p, `taxi-tv-status-${box}-${status}`);
  await c.close();
}

async function driverPage(vehicleId: number): Promise<Page> {
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

describe('shared taxi, end to end', () => {
  it('a resident books with the remote; a neighbour is pooled; the driver’s tablet flows back to the TV and the charges', async () => {
    // 1. Household 1 books from the home screen, counting key presses.
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    let keys = 0;
    const k = async (key: TvKey) => {
      await press(page, key);
      keys++;
    };
    await k('Red');
    await waitForRoute(page, 'taxi');
    await waitForText(page, '今日の予約をする');
    await k('Enter');
    await waitForText(page, 'どこへ行きますか');
    expect(await focusedLabel(page)).toBe('長谷診療所'); // favourite first
    await k('Enter');
    await waitForText(page, '時刻の決め方');
    await k('Enter'); // 着きたい時刻
    await waitForText(page, '何時までに着きたいですか');
    await k('ArrowRight'); // one step later than offered
    await k('Enter');
    await waitForText(page, '何人で乗りますか');
    // the riders picker says 人数, not the shop's 数量
    await expect.poll(async () => (await spoken(page)).map((u) => u.text).join(' ')).toContain('人数 1人');
    expect((await spoken(page)).map((u) => u.text).join(' ')).not.toContain('数量');
    await screenshot(page, 'taxi-people');
    await k('Enter');
    await waitForText(page, 'この内容で予約しますか');
    // the fare before booking, from the server's rules (licence returned: 250 yen), shown and read
    await waitForText(page, '料金は250円です');
    await expect
      .poll(async () => (await spoken(page)).map((u) => u.text).join(' '))
      .toContain('料金は250円です。付き添いの方は無料です。');
    await screenshot(page, 'taxi-confirm-fare');
    await k('Enter');
    await waitForText(page, '予約できました');
    console.log(`[taxi] key presses from home to a confirmed booking: ${keys} (goal ≤ 8)`);
    expect(keys).toBeLessThanOrEqual(8);
    expect((await visibleTexts(page)).join(' ')).toMatch(/\d\d:\d\d〜\d\d:\d\dにお迎えに行きます/);
    await waitForText(page, '料金は250円です');
    await screenshot(page, 'taxi-booked');
    const [first] = await bookingsOf(1);
    expect(first).toMatchObject({
      status: 'booked',
      channel: 'tv',
      requestedTime: '10:45',
      timeKind: 'arrive_by',
    });

    // 2. A neighbour in the same hamlet going to the same clinic is pooled into the same car.
    const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(3)}` },
      body: JSON.stringify({
        idempotencyKey: 'browser-neighbour-1',
        riderIds: [4],
        from: { kind: 'home' },
        to: { kind: 'place', placeId: first!.dropoffPlaceId },
        timeKind: 'arrive_by',
        time: '10:45',
      }),
    });
    expect(((await res.json()) as { status: string }).status).toBe('accepted');
    const [second] = await bookingsOf(3);
    expect(second!.vehicleId).toBe(first!.vehicleId);

    // 3. The driver's tablet lists both riders.
    const driver = await driverPage(first!.vehicleId);
    await expect.poll(async () => driver.locator('.stop').count()).toBe(4);
    const text = await driver.locator('main').innerText();
    expect(text).toContain('山田 花子');
    expect(text).toContain('北原 幸子');
    await driver.screenshot({ path: 'test-artifacts/taxi-driver-tablet.png' });

    // 4. Pickup and drop-off of household 1 reach its TV and the charges.
    server.clock.set((await bookingsOf(1))[0]!.pickupFrom);
    await driver.reload();
    await driver.click(`.stop[data-booking="${first!.id}"][data-kind="pickup"] button`);
    await tvShowsStatus(1, '乗車中');
    server.clock.set((await bookingsOf(1))[0]!.plannedDropoffAt);
    await driver.click(`.stop[data-booking="${first!.id}"][data-kind="dropoff"] button`);
    await tvShowsStatus(1, '到着');
    const rideCharges = await server.db.select().from(charges).where(eq(charges.kind, 'ride')).all();
    expect(rideCharges.map((c) => [c.sourceKey, c.amountYen])).toEqual([
      [`ride:${first!.id}:resident:1`, 250],
    ]);

    // 5. Household 3 is not there: no-show after the grace time, shown on its TV, not charged.
    server.clock.set((await bookingsOf(3))[0]!.pickupFrom.getTime() + 5 * 60_000);
    await driver.reload();
    await driver.click(`.stop[data-booking="${second!.id}"] button.danger`);
    // 不在 asks once more before it is recorded.
    await driver
      .getByRole('alertdialog', { name: '確認' })
      .getByRole('button', { name: 'はい、不在' })
      .click();
    await tvShowsStatus(3, '不在でキャンセル');
    expect(await server.db.select().from(charges).where(eq(charges.kind, 'ride')).all()).toHaveLength(1);
    await driver.context().close();
  });
  it('two residents of a household book together, add the way back, then cancel it from the TV', async () => {
    server.clock.set('2026-11-24T02:00:00Z'); // 11:00 in Tokyo
    await openTv(page, server.baseUrl, demoBoxToken(2));
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForText(page, '今日の予約をする');
    await press(page, 'Enter');
    await waitForText(page, 'だれが乗りますか');
    await press(page, 'ArrowDown', 2);
    expect(await focusedLabel(page)).toBe('みんなで');
    await press(page, 'Enter');
    await waitForText(page, 'どこへ行きますか');
    await press(page, 'Enter');
    await waitForText(page, '時刻の決め方');
    await press(page, 'ArrowDown');
    await press(page, 'Enter'); // 乗りたい時刻
    await waitForText(page, '何時から乗りたいですか');
    await press(page, 'Enter');
    await waitForText(page, '何人で乗りますか');
    await press(page, 'ArrowLeft'); // cannot go below the two riders
    await press(page, 'Enter');
    // The confirm step, not the riders step (which also shows 「2人」 while the fare is fetched).
    await waitForText(page, 'この内容で予約しますか');
    expect((await visibleTexts(page)).join('\n')).toContain('11:30から乗る  2人');
    await press(page, 'Enter');
    await waitForText(page, '予約できました');
    expect(await focusedLabel(page)).toBe('帰りも予約する');
    await press(page, 'Enter');
    await waitForText(page, '時刻の決め方');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await press(page, 'Enter');
    await press(page, 'Enter');
    await waitForText(page, 'この内容で予約しますか');
    await waitForText(page, '→ 自宅');
    await press(page, 'Enter');
    await waitForText(page, '予約できました');
    const rows = await bookingsOf(2);
    expect(rows).toHaveLength(2);
    const [out, back] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(out.riderIds).toHaveLength(2);
    expect(back).toMatchObject({
      returnOfId: out.id,
      dropoffLabel: '自宅',
      pickupPlaceId: out.dropoffPlaceId,
    });

    // おわり → the list → the way back → cancel it
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await waitForText(page, '予約の確認・取り消し（2件）');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await waitForText(page, '予約の確認');
    // the next ride first: the outbound ride, then the way back; each with its fare
    expect(await focusedLabel(page)).not.toContain('自宅行き');
    await waitForText(page, '円 予約済み');
    await expect
      .poll(async () => (await spoken(page)).map((u) => u.text).join(' '))
      .toMatch(/行き、料金\d+円、予約済み/);
    await screenshot(page, 'taxi-list-next-first');
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toContain('自宅行き');
    await press(page, 'Enter');
    await waitForText(page, 'この予約を取り消す');
    await press(page, 'Enter');
    await expect
      .poll(async () => (await bookingsOf(2)).find((b) => b.id === back.id)!.status)
      .toBe('cancelled');
    expect((await bookingsOf(2)).find((b) => b.id === out.id)!.status).toBe('booked');
    await screenshot(page, 'taxi-cancelled');
  });
});
