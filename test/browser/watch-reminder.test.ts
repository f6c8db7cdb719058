import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { watchReminderOccurrences } from '../../db/src/schema';
import { createReminder } from '../../server/src/watch/reminders';
import { enrollResident } from '../../server/src/watch/enroll-resident';
import { navigateTv, openTv, press, spoken, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Monday 23 November 2026, 08:55 in Tokyo.
useTvSuite({ now: '2026-11-22T23:55:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

const hasText = (texts: string[], s: string) => texts.some((t) => t.includes(s));

describe('reminders on the TV', () => {
  it('a reminder appears full screen at its time, is read aloud, and OK confirms it', async () => {
    const now = server.clock.now();
    await enrollResident(server.db, { residentId: 1 }, 1, now);
    await createReminder(
      server.db,
      {
        residentId: 1,
        text: 'お薬を飲みましょう',
        recurrence: 'daily',
        time: '09:00',
        startDate: '2026-11-23',
      },
      { staffId: 1 },
      now,
    );
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await server.runJob('watch.reminders');
    // Not due yet: nothing on screen after the first poll.
    await page.waitForTimeout(2_000);
    expect(hasText(await visibleTexts(page), 'お薬を飲みましょう')).toBe(false);

    server.clock.advance(5 * 60_000);
    await server.runJob('watch.reminders');
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('お薬を飲みましょう'))",
      undefined,
      { timeout: 45_000 },
    );
    expect(hasText(await visibleTexts(page), '決定ボタンを押してください')).toBe(true);
    expect((await spoken(page)).some((u) => u.text.includes('お薬を飲みましょう'))).toBe(true);

    await press(page, 'Enter');
    await expect
      .poll(
        async () =>
          (await server.db.select().from(watchReminderOccurrences).all()).map((o) => o.confirmedAt !== null),
        {
          timeout: 10_000,
        },
      )
      .toEqual([true]);
    await page.waitForFunction(
      "!(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('決定ボタンを押してください'))",
      undefined,
      { timeout: 10_000 },
    );

    // It stays in the お知らせ list, marked as confirmed.
    await navigateTv(page, 'notices');
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('お薬を飲みましょう（確認済み）'))",
      undefined,
      { timeout: 10_000 },
    );
    expect(hasText(await visibleTexts(page), '留守にします')).toBe(true);
  });
});
