/**
 * `npm run shots:tv [-- --out docs/images/tv] [--only shop,taxi]`: a 1920×1080 picture of every TV
 * screen, for docs/tv-app.md. Starts the real server on a fresh demo database at a fixed clock
 * (a weekday morning, so the shop and the taxi take bookings), opens the TV app (test build) in
 * Chromium as demo box 1 and reaches each screen from the home screen with the remote's keys.
 *
 * To add a screen, add a line to SCREENS: its file name and the keys from home.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { demoBoxToken } from '../db/src/seed/demo.js';
import {
  launchBrowser,
  newTvPage,
  openTv,
  press,
  waitForReady,
  waitForRoute,
  type TvKey,
} from '../test/helpers/browser.js';
import { eq } from 'drizzle-orm';
import { driverVehicles, staffUsers, taxiBookings } from '../db/src/schema/index.js';
import { recordDeparture } from '../server/src/taxi/record-departure.js';
import { pastOrder } from '../test/helpers/shop-history.js';
import { startTestServer, type TestServer } from '../test/helpers/server.js';
import { createReminder } from '../server/src/watch/reminders.js';
import { writeOrderCharges } from '../server/src/shop/write-order-charges.js';
import { enrollResident } from '../server/src/watch/enroll-resident.js';

interface Screen {
  name: string;
  /** Pressed one by one from the home screen of demo box 1. */
  keys: TvKey[];
  /** Opens the app with no box token instead (the unregistered-box screen). */
  unregistered?: boolean;
  /** Shows this message over the screen reached (the global full-screen message). */
  overlay?: { title: string; body?: string; hint?: string };
  /** A clock of its own (a fresh server): e.g. a Saturday evening for the next service day. */
  now?: string;
  /** Done on the server before the app opens, through the real business code. */
  setup?: (server: TestServer) => unknown;
  /** Waits for this text after the keys (something a poll brings, e.g. a due reminder). */
  waitFor?: string;
  /** Then waits until this text has gone (a toast), and presses `then`. */
  waitGone?: string;
  then?: TvKey[];
  /** Run in the page before the app starts (e.g. the test build's faster taxi poll). */
  initScript?: string;
}

/** Tuesday 24 November 2026, 09:30 in Tokyo. */
const NOW = '2026-11-24T00:30:00Z';
const DAY = 24 * 60 * 60_000;

/**
 * Household 1's delivered orders of the weeks before (for よく買うもの and a delivered order on
 * 注文の状況), placed and moved along the status path as in the shop tests.
 */
async function shopHistory(server: TestServer): Promise<void> {
  const now = server.clock.now().getTime();
  for (const [lines, daysAgo] of [
    [
      [
        { productId: 1, qty: 1 },
        { productId: 5, qty: 1 },
      ],
      14,
    ],
    [
      [
        { productId: 1, qty: 1 },
        { productId: 9, qty: 2 },
      ],
      7,
    ],
  ] as const) {
    const at = new Date(now - daysAgo * DAY);
    const id = await pastOrder(server.db, 1, [...lines], at);
    // pastOrder moves the status only; the hall's handover is what charges a delivery.
    await server.db.transaction(async (tx) => await writeOrderCharges(tx, id, at));
  }
}

/** A daily reminder due a few minutes ago, sent by the reminders job (as watch-reminder.test.ts). */
async function dueReminder(server: TestServer): Promise<unknown> {
  const now = server.clock.now();
  await enrollResident(server.db, { residentId: 1 }, 1, new Date(now.getTime() - DAY));
  await createReminder(
    server.db,
    {
      residentId: 1,
      text: 'お薬を飲みましょう',
      recurrence: 'daily',
      time: '09:25',
      startDate: '2026-11-23',
    },
    { staffId: 1 },
    new Date(now.getTime() - DAY),
  );
  return server.runJob('watch.reminders');
}

/**
 * A ride booked from the TV's API, and its driver setting off for the pickup (the driver API's own
 * function, as the signed-in driver), as taxi-on-its-way.test.ts does through the tablet.
 */
async function taxiOnItsWay(server: TestServer): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/taxi/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(1)}` },
    body: JSON.stringify({
      idempotencyKey: 'shots-on-its-way',
      riderIds: [1],
      from: { kind: 'home' },
      to: { kind: 'place', placeId: 1 },
      timeKind: 'arrive_by',
      time: '10:45',
    }),
  });
  const { booking } = (await res.json()) as { booking: { id: number } };
  const ride = (await server.db.select().from(taxiBookings).where(eq(taxiBookings.id, booking.id)).get())!;
  const driver = (await server.db
    .select({
      id: staffUsers.id,
      role: staffUsers.role,
      name: staffUsers.name,
      hamletId: staffUsers.hamletId,
      sellerId: staffUsers.sellerId,
    })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .where(eq(driverVehicles.vehicleId, ride.vehicleId!))
    .get())!;
  await recordDeparture(server.db, booking.id, driver, server.clock.now());
}

const CART = ['Enter', 'ArrowDown', 'Enter', 'Enter', 'ArrowRight', 'Enter', 'Yellow'] as TvKey[];

/** In order: the cart lives on the server, so later screens see what earlier ones put in it. */
export const SCREENS: Screen[] = [
  { name: 'home', keys: [] },
  { name: 'shop', keys: ['Enter'] },
  { name: 'shop-products', keys: ['Enter', 'ArrowDown', 'Enter'] },
  { name: 'shop-products-bar', keys: ['Enter', 'ArrowDown', 'Enter', 'ArrowDown', 'ArrowDown', 'ArrowDown'] },
  { name: 'shop-favourites', keys: ['Enter', 'Blue'] },
  { name: 'shop-cart', keys: CART },
  { name: 'shop-order-summary', keys: ['Enter', 'Yellow', 'Enter'] },
  { name: 'shop-order-placed', keys: ['Enter', 'Yellow', 'Enter', 'Enter'] },
  { name: 'shop-orders', keys: ['Enter', 'Red'] },
  { name: 'shop-orders-delivered', keys: ['Enter', 'Red', 'ArrowDown'] },
  { name: 'taxi', keys: ['Red'] },
  { name: 'taxi-step-1', keys: ['Red', 'Enter'] },
  { name: 'taxi-step-2', keys: ['Red', 'Enter', 'Enter'] },
  { name: 'taxi-step-3', keys: ['Red', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-step-4', keys: ['Red', 'Enter', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-step-5', keys: ['Red', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-step-6', keys: ['Red', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter'] },
  { name: 'taxi-bookings', keys: ['Red', 'ArrowDown', 'Enter'] },
  // Saturday 28 November 2026, 18:00 in Tokyo: no service until Monday.
  { name: 'taxi-next-day', keys: ['Red'], now: '2026-11-28T09:00:00Z' },
  { name: 'notices', keys: ['Green'] },
  { name: 'notices-away', keys: ['Green', 'Enter'] },
  { name: 'billing', keys: ['Green', 'ArrowDown', 'Enter'] },
  {
    name: 'taxi-on-its-way',
    keys: [],
    now: '2026-11-24T00:32:00Z',
    setup: taxiOnItsWay,
    initScript: `localStorage.setItem('engawa.test.taxiPollMs', '1000')`,
    waitFor: 'タクシーが向かっています',
  },
  // A server of its own (a minute on): the reminder would cover the screens after it.
  {
    name: 'reminder',
    keys: [],
    now: '2026-11-24T00:31:00Z',
    setup: dueReminder,
    waitFor: 'お薬を飲みましょう',
  },
  {
    name: 'full-screen-message',
    keys: [],
    overlay: { title: 'お元気ですか？', body: 'ご家族が様子を気にしています。', hint: '決定：元気です' },
  },
  // Last: it leaves the household away for the screens after it.
  {
    name: 'home-away',
    keys: ['Green', 'Enter', 'ArrowDown', 'ArrowDown', 'Enter', 'Backspace'],
    waitFor: 'まで留守にしています',
    waitGone: '留守を登録しました',
    then: ['ArrowDown'],
  },
  { name: 'unregistered', keys: [], unregistered: true },
];

/** Data arrives after a page shows: wait until the screen stops changing, then until it is drawn. */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await waitForReady(page);
    const texts = JSON.stringify(await page.evaluate('window.__engawa.visibleTexts'));
    if (texts === last) return;
    last = texts;
    await page.waitForTimeout(250);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'docs/images/tv' }, only: { type: 'string' } },
  });
  const only = values.only?.split(',');
  const out = values.out!;
  mkdirSync(out, { recursive: true });
  const browser = await launchBrowser();
  const servers = new Map<string, TestServer>();
  /** One server per clock, with household 1's shop history. */
  async function serverAt(now: string): Promise<TestServer> {
    let server = servers.get(now);
    if (!server) {
      server = await startTestServer({ now });
      await shopHistory(server);
      servers.set(now, server);
    }
    return server;
  }
  try {
    for (const screen of SCREENS.filter((s) => !only || only.includes(s.name))) {
      const server = await serverAt(screen.now ?? NOW);
      await screen.setup?.(server);
      const { context, page } = await newTvPage(browser);
      // The box's own clock agrees with the server's (the greeting's time of day); timers still run.
      await context.clock.setFixedTime(server.clock.now());
      if (screen.initScript) await page.addInitScript(screen.initScript);
      await openTv(page, server.baseUrl, screen.unregistered ? null : demoBoxToken(1));
      if (!screen.unregistered) await waitForRoute(page, 'home');
      for (const key of screen.keys) {
        await press(page, key);
        await settle(page);
      }
      if (screen.waitFor)
        await page.waitForFunction(
          `(window.__engawa?.visibleTexts ?? []).some((t) => t.includes(${JSON.stringify(screen.waitFor)}))`,
          undefined,
          { timeout: 60_000 },
        );
      if (screen.waitGone)
        await page.waitForFunction(
          `!(window.__engawa?.visibleTexts ?? []).some((t) => t.includes(${JSON.stringify(screen.waitGone)}))`,
          undefined,
          { timeout: 60_000 },
        );
      for (const key of screen.then ?? []) {
        await press(page, key);
        await settle(page);
      }
      // The promise settles when the message is closed, which it never is here.
      if (screen.overlay)
        page
          .evaluate(`window.__engawa.showOverlay(${JSON.stringify(screen.overlay)})`)
          .catch(() => undefined);
      await page.waitForTimeout(400);
      await settle(page);
      const path = join(out, `${screen.name}.png`);
      await page.screenshot({ path, timeout: 120_000 });
      console.log(`${screen.name}: ${path}`);
      await context.close();
    }
  } finally {
    await browser.close();
    for (const server of servers.values()) await server.close();
  }
}

await main();
