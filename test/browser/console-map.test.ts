import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { places, taxiBookings } from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/index.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Page functions run in Chromium; the test project compiles without the DOM library.
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
declare const document: {
  querySelectorAll(s: string): ArrayLike<{
    getBoundingClientRect(): Rect;
    textContent: string | null;
    style: { display: string };
  }>;
};

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-11-24T00:30:00Z' }); // Tuesday 09:30 Tokyo
  browser = await launchBrowser();
  // a crowded board: many households ride to the same clinic, so its drop-offs share one point
  const clinic = (await server.db.select().from(places).where(eq(places.name, '長谷診療所')).get())!;
  const times = ['10:30', '10:30', '11:00', '11:00', '11:30', '11:30', '12:00', '12:00', '13:00', '13:30'];
  let accepted = 0;
  for (const [i, time] of times.entries()) {
    const box = i + 1;
    const auth = { authorization: `Bearer ${demoBoxToken(box)}` };
    const opts = (await (await fetch(`${server.baseUrl}/api/taxi/options`, { headers: auth })).json()) as {
      residents: { id: number; eligible: boolean }[];
    };
    const rider = opts.residents.find((r) => r.eligible);
    if (!rider) continue;
    const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: `map-board-${box}`,
        riderIds: [rider.id],
        companions: 0,
        from: { kind: 'home' },
        to: { kind: 'place', placeId: clinic.id },
        timeKind: 'arrive_by',
        time,
      }),
    });
    const body = (await res.json()) as { status: string };
    // a full hour is turned down by the planner; the board needs many stops, not every one
    expect(['accepted', 'alternatives', 'refused']).toContain(body.status);
    if (body.status === 'accepted') accepted++;
  }
  expect(accepted).toBeGreaterThanOrEqual(6);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function cityBoard(
  viewport: { width: number; height: number },
  loginId = 'city',
  path = '/console/taxi/city',
): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/console/login');
  await page.goto(`${server.baseUrl}${path}`);
  await page.locator('figure.map-view[data-map-ready]').waitFor({ timeout: 10_000 });
  return page;
}

/** Pairs of visible labels whose boxes intersect (an empty list is the goal). */
const overlaps = (page: Page) =>
  page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll('.map-label')).filter(
      (e) => e.style.display !== 'none',
    );
    const r = shown.map((e) => ({ t: e.textContent, b: e.getBoundingClientRect() }));
    const bad: string[] = [];
    for (let i = 0; i < r.length; i++)
      for (let j = i + 1; j < r.length; j++) {
        const a = r[i]!.b;
        const b = r[j]!.b;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          bad.push(`${r[i]!.t} × ${r[j]!.t}`);
      }
    return { shown: r.length, bad };
  });

describe('console map', () => {
  it('draws the offline base map (roads, rivers, lakes, place names) under the vehicles and stops', async () => {
    const page = await cityBoard({ width: 1280, height: 800 });
    const map = page.locator('figure.map-view');
    expect(await map.locator('path.base-road').count()).toBeGreaterThan(5);
    expect(await map.locator('path.base-river').count()).toBeGreaterThan(3);
    expect(await map.locator('path.base-lake').count()).toBe(2);
    const names = await map.locator('.map-label--base-hamlet, .map-label--base-town').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['溝口', '長谷']));
    expect(await map.locator('.map-sym--vehicle').count()).toBe(3);
    expect(await map.locator('.map-sym--stop, .map-sym--home').count()).toBeGreaterThan(10);
    expect(await map.locator('path.map-route').count()).toBeGreaterThan(0);
    // symbols say what they are by letter, not by colour alone
    expect(await map.locator('.map-sym--vehicle').first().innerText()).toContain('車');
    // the text list stays for screen readers
    expect(await map.locator('.map-fallback li').count()).toBeGreaterThan(10);
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-map-city-1280x800');
    await page.context().close();
  });

  it('labels never overlap on a crowded board, at the fitted zoom and after zooming in and out', async () => {
    const page = await cityBoard({ width: 1920, height: 1080 });
    const map = page.locator('figure.map-view');
    const first = await overlaps(page);
    expect(first.bad).toEqual([]);
    expect(first.shown).toBeGreaterThan(5);
    // ten drop-offs at one clinic cannot all be named there: the rest are counted on a symbol
    expect(await map.locator('.map-label.is-hidden').count()).toBeGreaterThan(0);
    expect(await map.locator('.map-sym__more').count()).toBeGreaterThan(0);
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-map-crowded-1920x1080');
    for (const button of ['Zoom in', 'Zoom in', 'Zoom out', 'Zoom out', 'Zoom out']) {
      const passes = Number(await map.getAttribute('data-map-layouts'));
      await map.getByRole('button', { name: button }).click();
      // the placement pass runs when Leaflet's zoom animation ends
      await expect
        .poll(async () => Number(await map.getAttribute('data-map-layouts')))
        .toBeGreaterThan(passes);
      expect((await overlaps(page)).bad, `after ${button}`).toEqual([]);
    }
    await page.context().close();
  });

  it('the call centre sees the caller’s rides of today on a map, home to the clinic', async () => {
    const b = (await server.db.select().from(taxiBookings).all())[0]!;
    const page = await cityBoard(
      { width: 1280, height: 800 },
      'callcentre',
      `/console/taxi/calls?household=${b.householdId}`,
    );
    const map = page.getByRole('group', { name: 'この世帯の今日の乗車の地図' });
    expect(await map.locator('.map-sym--home').count()).toBeGreaterThan(0);
    expect(await map.locator('.map-label--stop').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('長谷診療所')]),
    );
    expect((await overlaps(page)).bad).toEqual([]);
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-map-call-centre-1280x800');
    await page.context().close();
  });
});
