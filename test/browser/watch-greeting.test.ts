import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { watchNormal, watchState } from '../../db/src/schema';
import { enrollResident } from '../../server/src/watch/enroll-resident';
import { openTv, press, spoken, visibleTexts, waitForRoute } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';
import { shot } from './watch-helpers.js';

let server: TestServer;
let page: Page;

// Monday 23 November 2026, 10:00 in Tokyo.
useTvSuite({ now: '2026-11-23T01:00:00Z', pagePer: 'file' }, (s) => ({ server, page } = s));

async function activity(kind: 'keys' | 'heartbeat') {
  const res = await fetch(`${server.baseUrl}/api/watch/activity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(1)}` },
    body: JSON.stringify({ kind }),
  });
  expect(res.status).toBe(200);
}

const stateOf1 = async () =>
  (await server.db.select().from(watchState).where(eq(watchState.residentId, 1)).get())!;

describe('the greeting before any question', () => {
  it('after three hours of TV without a key, greets 「こんにちは」 (read aloud); 決定 closes it and is a sign of life', async () => {
    try {
      await enrollResident(server.db, { residentId: 1 }, 1, server.clock.now());
    } catch {
      // Already enrolled by the demo seed.
    }
    // 10:00 a key, then the TV runs on alone (a heartbeat every 10 minutes) until 13:00.
    await activity('heartbeat');
    await activity('keys');
    for (let i = 0; i < 18; i++) {
      server.clock.advance(10 * 60_000);
      await activity('heartbeat');
    }
    await server.runJob('watch.detect');
    expect((await stateOf1()).greetedAt).toBe(server.clock.now().getTime());
    // The greeting asks nothing: no question yet.
    expect((await stateOf1()).checkAskedAt).toBeNull();
    const asked = await server.db.select().from(watchNormal).where(eq(watchNormal.residentId, 1)).get();
    expect(asked?.asked).toBe(1);

    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('こんにちは'))",
      undefined,
      { timeout: 45_000 },
    );
    const texts = await visibleTexts(page);
    expect(texts.some((t) => t.includes('決定ボタンで閉じます'))).toBe(true);
    expect(texts.some((t) => t.includes('お元気ですか'))).toBe(false);
    expect((await spoken(page)).some((u) => u.text.includes('こんにちは'))).toBe(true);
    await shot(page, 'tv-watch-greeting');

    await press(page, 'Enter');
    await expect.poll(async () => (await stateOf1()).greetedAt, { timeout: 10_000 }).toBeNull();
    expect((await stateOf1()).lastSignAt).toBeGreaterThanOrEqual(server.clock.now().getTime() - 60_000);
    const answered = await server.db.select().from(watchNormal).where(eq(watchNormal.residentId, 1)).get();
    expect(answered?.answered).toBe(1);
    await page.waitForFunction(
      "!(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('決定ボタンで閉じます'))",
      undefined,
      { timeout: 10_000 },
    );
  });
});
