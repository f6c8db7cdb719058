import { afterEach, describe, expect, it } from 'vitest';
import { mailOutbox, watchAlertSteps } from '../../../db/src/schema';
import type { TestContext } from '../../../test/helpers/context';
import { hubOf } from '../live/publish';
import { enroll, runJobsFor, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const linkIn = (text: string | undefined) =>
  /http:\/\/localhost:3000(\/p\/watch\/ack\/[\w.-]+)/.exec(text ?? '')?.[1];

describe("the family's acknowledgement page", () => {
  it('names the next step only while the ladder has one; the mails promise only real steps', async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    await enroll(ctx, { supportWorkerFirst: false });
    expect((await ctx.json('POST', '/api/watch/activity', { kind: 'keys' }, ctx.device(1))).status).toBe(200);
    await runJobsFor(ctx, 24 * 60, null);
    const [first] = await ctx.db.select().from(mailOutbox).all();
    expect(first!.text).toContain(
      '60分たってもお返事がないときは、次のご家族の連絡先と集落支援員にもお知らせします。',
    );
    const link = linkIn(first!.text)!;
    const page = await (await ctx.request(link)).text();
    // On a phone the answers come first: the form precedes the status box.
    expect(page.indexOf('name="action"')).toBeLessThan(page.indexOf('いまの状況'));
    expect(page).toContain('次のご家族の連絡先と集落支援員にもお知らせします');

    // Unanswered, the alert climbs to the city's console: the last step, after which nobody else is told.
    await runJobsFor(ctx, 130, null);
    expect((await ctx.db.select().from(watchAlertSteps).all()).map((s) => s.tier)).toEqual([
      'contact',
      'contact_and_support_worker',
      'city_staff',
    ]);
    const second = (await ctx.db.select().from(mailOutbox).all()).find((m) => m.id !== first!.id)!;
    expect(second.text).toContain('市の担当職員にもお知らせします');
    const last = await (await ctx.request(link)).text();
    expect(last).toContain('まだどなたからも応答がありません');
    expect(last).not.toContain('にもお知らせします');
  });

  it("a family member's answer from the email link redraws the open watch boards of the hamlet", async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    await enroll(ctx, { supportWorkerFirst: false });
    expect((await ctx.json('POST', '/api/watch/activity', { kind: 'keys' }, ctx.device(1))).status).toBe(200);
    await runJobsFor(ctx, 24 * 60, null);
    const link = linkIn((await ctx.db.select().from(mailOutbox).get())!.text)!;
    const heard: string[] = [];
    const unsubscribe = hubOf(ctx.deps).subscribe({
      role: 'city_staff',
      scope: { sellerIds: null, hamletIds: null },
      topics: new Set(['watch']),
      deliver: (e) => heard.push(`${e.type}:${String(e.data?.action)}`),
    });
    const res = await ctx.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'fine' }).toString(),
    });
    unsubscribe();
    expect(res.status).toBe(303);
    expect(heard).toEqual(['alert.acknowledged:fine']);
  });
});
