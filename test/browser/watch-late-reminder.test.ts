import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchReminderOccurrences, watchReminders } from '../../db/src/schema';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { createReminder } from '../../server/src/watch/reminders';
import { enrollResident } from '../../server/src/watch/enroll-resident';
import { navigateTv, openTv, screenshot, spoken, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Thursday 26 November 2026, 18:00 in Tokyo.
useTvSuite({ now: '2026-11-26T09:00:00Z' }, (s) => ({ server, page } = s));

const hasText = (texts: string[], s: string) => texts.some((t) => t.includes(s));
const waitForText = (s: string) =>
  page.waitForFunction(
    (n) =>
      ((globalThis as { __engawa?: { visibleTexts: string[] } }).__engawa?.visibleTexts ?? []).some((t) =>
        t.includes(n),
      ),
    s,
    { timeout: 45_000 },
  );

/** Only this test's reminder: the demo's own would queue full screen before it. */
async function remind(text: string, time: string) {
  await server.db.delete(watchReminderOccurrences).run();
  await server.db.delete(watchReminders).run();
  const now = server.clock.now();
  await enrollResident(server.db, { residentId: 1 }, 1, now);
  await createReminder(
    server.db,
    { residentId: 1, text, recurrence: 'once', time, startDate: '2026-11-27' },
    { staffId: 1 },
    now,
  );
}

describe('reminders the box shows late', () => {
  it('a reminder shown late but within the window says when it was due', async () => {
    await remind('ゴミの日です', '09:00');
    server.clock.set('2026-11-27T00:25:00Z'); // Fri 9:25
    await server.runJob('watch.reminders');
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForText('今日 9:00 のお知らせ');
    const texts = await visibleTexts(page);
    expect(texts).toContain('ゴミの日です');
    expect(hasText(texts, '決定ボタンを押してください')).toBe(true);
    await expect
      .poll(async () =>
        (await spoken(page)).some((u) => u.text.startsWith('今日 9:00 のお知らせ。ゴミの日です')),
      )
      .toBe(true);
    await screenshot(page, 'tv-reminder-late');
  });

  it('a box switched on the next noon does not show last evening’s medicine full screen; the list says when it was due', async () => {
    await remind('夕方のお薬を飲みましょう', '18:30');
    server.clock.set('2026-11-27T09:30:00Z'); // Fri 18:30: due, but the TV is off all evening
    await server.runJob('watch.reminders');
    server.clock.set('2026-11-28T03:07:00Z'); // Sat 12:07: switched on
    await server.runJob('watch.reminders');

    const polled = page.waitForResponse((r) => r.url().includes('/api/watch/notices'), { timeout: 30_000 });
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await polled;
    await waitForRoute(page, 'home');
    await navigateTv(page, 'notices');
    await waitForText('昨日 18:30 のお知らせ');
    const texts = await visibleTexts(page);
    expect(texts).toContain('昨日 18:30 のお知らせ\u3000夕方のお薬を飲みましょう（時間切れ）');
    // Never offered full screen as if due now.
    expect(hasText(texts, '決定ボタンを押してください')).toBe(false);
    expect((await spoken(page)).some((u) => u.text.startsWith('お知らせ。夕方のお薬'))).toBe(false);
    await screenshot(page, 'tv-notices-missed');
  });
});
