import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { watchPresence } from '../../db/src/schema';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { enrollResident } from '../../server/src/watch/enroll-resident';
import { SLOT_MS } from '../../server/src/watch/record-life-sign';
import { openTv, press, waitForReady } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// The box stamps kept activity with its own clock (real time here); the server's clock is set 40
// minutes later, so presence recorded at the box's time lands in a different slot from "now".
useTvSuite({ now: new Date(Date.now() + 40 * 60_000) }, (s) => ({ server, page } = s));

interface Unsent {
  kind: string;
  at: number;
}
const unsent = async () =>
  JSON.parse(
    (await page.evaluate("localStorage.getItem('engawa.unsentActivity') ?? '[]'")) as string,
  ) as Unsent[];

describe('TV activity during an outage', () => {
  it('keeps the activity it could not send, across a reload, and sends it with its time once on reconnect', async () => {
    await enrollResident(server.db, { residentId: 1 }, 1, server.clock.now());
    await server.db.delete(watchPresence).where(eq(watchPresence.residentId, 1)).run();

    // The network to the server is down: the box's requests fail, as they would with the cable out.
    let down = true;
    const delivered: Array<{ kind: string; at?: string }> = [];
    await page.route('**/api/watch/activity', async (route) => {
      if (down) return route.abort('internetdisconnected');
      delivered.push(route.request().postDataJSON() as { kind: string; at?: string });
      return route.continue();
    });

    await openTv(page, server.baseUrl, demoBoxToken(1));
    await expect.poll(async () => (await unsent()).map((u) => u.kind)).toContain('heartbeat');
    await press(page, 'ArrowRight');
    await expect.poll(async () => (await unsent()).map((u) => u.kind)).toContain('keys');
    const kept = await unsent();

    // Switched off and on again while still cut off: nothing kept is lost, nothing doubled.
    await page.reload();
    await waitForReady(page);
    // The new start heartbeat is kept too (merged with the first when in the same 5-minute slot).
    await expect
      .poll(async () => Math.max(...(await unsent()).map((u) => u.at)))
      .toBeGreaterThan(Math.max(...kept.map((u) => u.at)));
    const beforeReconnect = await unsent();
    const slot = (u: Unsent) => `${u.kind}@${Math.floor(u.at / 300_000)}`;
    for (const k of kept) expect(beforeReconnect.map(slot)).toContain(slot(k));
    expect(new Set(beforeReconnect.map(slot)).size).toBe(beforeReconnect.length);
    expect(delivered).toEqual([]);

    // The network is back: the next key press gets through, and the kept activity follows it.
    down = false;
    await press(page, 'ArrowRight');
    await expect.poll(unsent, { timeout: 15_000 }).toEqual([]);
    const late = delivered.filter((d) => d.at !== undefined);
    expect(late).toEqual(beforeReconnect.map((u) => ({ kind: u.kind, at: new Date(u.at).toISOString() })));

    // The server recorded the TV as on at the box's time, not only now.
    const slots = (
      await server.db.select().from(watchPresence).where(eq(watchPresence.residentId, 1)).all()
    ).map((p) => p.slot);
    expect(slots).toContain(Math.floor(beforeReconnect[0]!.at / SLOT_MS));
    expect(slots).toContain(Math.floor(server.clock.now().getTime() / SLOT_MS));
  });
});
