import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { taxiBookings } from '../../db/src/schema/index.js';
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

// Wed 25 Nov 2026 08:00 in Tokyo (23:00 UTC the day before): a service day, 09:00 still bookable.
useTvSuite({ now: '2026-11-24T23:00:00Z' }, (s) => ({ server, page } = s));

/** Where the screenshots a person looks at are kept (beside the worktree). */
const SHOTS = process.env.SHOTS_DIR ?? '/work/wt/earliest-shots';

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
    await screenshot(p, `taxi-earliest-missing-${needle}`);
    throw new Error(`"${needle}" not on screen; saw: ${JSON.stringify(await visibleTexts(p))}`, { cause: e });
  }
}

const plain = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return m === 0 ? `${h}時` : `${h}時${m}分`;
};

describe('a trip that would start before the service opens', () => {
  it('tells the resident the earliest arrival, reads it aloud, and one OK books it', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await waitForText(page, '今日の予約をする');
    await press(page, 'Enter');
    await waitForText(page, 'どこへ行きますか');
    await press(page, 'Enter'); // 長谷診療所, the favourite
    await waitForText(page, '時刻の決め方');
    await press(page, 'Enter'); // 着きたい時刻
    await waitForText(page, '何時までに着きたいですか');
    await press(page, 'ArrowLeft', 2); // 09:30 offered first; the service opens at 09:00
    await waitForText(page, '09:00');
    await press(page, 'Enter');
    await waitForText(page, '何人で乗りますか');
    await press(page, 'Enter');
    await waitForText(page, 'この内容で予約しますか');
    await press(page, 'Enter');
    await waitForText(page, '予約できませんでした');
    await waitForText(page, 'に着くようにすれば予約できます');

    const label = (await focusedLabel(page))!;
    const m = /^(\d+)時(\d+分)?着で予約する$/.exec(label);
    expect(m, `focused: ${label}`).not.toBeNull();
    const said = label.replace('着で予約する', '');
    expect(said).not.toBe('9時'); // 09:00 itself is what was refused
    await expect
      .poll(async () => (await spoken(page)).map((u) => u.text).join(' '))
      .toContain(`${said}に着くようにすれば予約できます。`);
    const shot = await screenshot(page, 'taxi-earliest-refusal');
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(shot, `${SHOTS}/tv-taxi-earliest-refusal.png`);
    expect(
      await server.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 1)).all(),
    ).toHaveLength(0);

    await press(page, 'Enter');
    await waitForText(page, '予約できました');
    const shot2 = await screenshot(page, 'taxi-earliest-booked');
    copyFileSync(shot2, `${SHOTS}/tv-taxi-earliest-booked.png`);
    const rows = await server.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 1)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'booked', channel: 'tv', timeKind: 'arrive_by' });
    expect(plain(rows[0]!.requestedTime)).toBe(said);
  });
});
