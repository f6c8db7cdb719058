import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, handovers, watchAcks, watchAlerts, watchContacts } from '../../../db/src/schema';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import { hubOf } from '../live/publish';
import { order, productId } from '../shop/testing';
import { enroll, runJobsFor, staffId, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const form = (path: string, body: Record<string, string>, headers: Record<string, string>) =>
  ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(body).toString(),
  });
/** Row counts, without what a login may legitimately write. */
const counts = () => {
  const { staff_sessions: _a, ...rest } = tableCounts(ctx);
  return rest;
};

/** Resident 1 (hamlet 0) silent for a day: one open alert, told to the hamlet's support worker first. */
async function openAlert() {
  ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
  await enroll(ctx);
  expect((await ctx.json('POST', '/api/watch/activity', { kind: 'keys' }, ctx.device(1))).status).toBe(200);
  await runJobsFor(ctx, 24 * 60, null);
  const alert = (await ctx.db.select().from(watchAlerts).get())!;
  expect(alert.closedAt).toBeNull();
  return alert.id;
}

describe('watch alerts answered on the console', () => {
  it("a support worker sees their hamlet's alert with names and phone, answers 連絡がとれました once, and the boards hear it", async () => {
    const alertId = await openAlert();
    const support = await ctx.login('support');
    const today = await (await ctx.request('/console/watch/today', { headers: support })).text();
    expect(today).toContain('山田 花子さん');
    expect(today).toMatch(/href="tel:0265982013"/);
    expect(today).toContain('支援 久美子（集落支援員）');
    expect(today).not.toMatch(/staff:\d|contact:\d/);
    expect(today).toContain('未対応');

    const heard: string[] = [];
    const unsubscribe = hubOf(ctx.deps).subscribe({
      role: 'support_worker',
      scope: { sellerIds: null, hamletIds: null },
      topics: new Set(['watch']),
      deliver: (e) => heard.push(`${e.type}:${String(e.data?.alertId)}`),
    });
    const res = await form(
      `/console/watch/alerts/${alertId}/ack`,
      { action: 'reached', back: 'today' },
      support,
    );
    unsubscribe();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/watch/today');
    expect(heard).toEqual([`alert.acknowledged:${alertId}`]);
    const ack = (await ctx.db.select().from(watchAcks).get())!;
    expect(ack).toMatchObject({
      alertId,
      action: 'reached',
      staffId: await staffId(ctx, 'support'),
      tokenId: null,
    });
    expect((await ctx.db.select().from(watchAlerts).get())!.acknowledgedAt).not.toBeNull();
    expect(
      await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'watch.ack.reached')).all(),
    ).toHaveLength(1);

    // The same answer again writes nothing and says so; the alert stays on the list until settled.
    const before = counts();
    const again = await form(`/console/watch/alerts/${alertId}/ack`, { action: 'reached' }, support);
    expect(again.status).toBe(303);
    expect(counts()).toEqual(before);
    const after = await (await ctx.request('/console/watch', { headers: support })).text();
    expect(after).toContain('支援 久美子（集落支援員）「連絡がとれました」');

    // City staff settle it: 大丈夫でした closes the alert.
    const city = await ctx.login('city');
    expect((await form(`/console/watch/alerts/${alertId}/ack`, { action: 'fine' }, city)).status).toBe(303);
    expect((await ctx.db.select().from(watchAlerts).get())!.closeReason).toBe('settled');
  });

  it("refuses another hamlet's support worker, strangers and bad answers without writing anything", async () => {
    const alertId = await openAlert();
    const other = await ctx.login('support-2'); // hamlet 1
    const driver = await ctx.login('driver');
    const city = await ctx.login('city');
    const before = counts();
    expect((await form(`/console/watch/alerts/${alertId}/ack`, { action: 'reached' }, other)).status).toBe(
      403,
    );
    expect((await form(`/console/watch/alerts/${alertId}/ack`, { action: 'reached' }, driver)).status).toBe(
      403,
    );
    expect((await form(`/console/watch/alerts/${alertId}/ack`, { action: 'toString' }, city)).status).toBe(
      400,
    );
    expect((await form('/console/watch/alerts/999/ack', { action: 'reached' }, city)).status).toBe(404);
    expect((await form('/console/watch/alerts/0x1/ack', { action: 'reached' }, city)).status).toBe(404);
    expect(counts()).toEqual(before);
    // Nor is the alert on the other hamlet's screen.
    const page = await (await ctx.request('/console/watch/today', { headers: other })).text();
    expect(page).not.toContain('山田 花子');
  });

  it('filters the overview by hamlet and tier', async () => {
    await openAlert();
    const city = await ctx.login('city');
    const all = await (await ctx.request('/console/watch', { headers: city })).text();
    expect(all).toContain('data-alert-id');
    const otherHamlet = await (await ctx.request('/console/watch?hamlet=2', { headers: city })).text();
    expect(otherHamlet).not.toContain('data-alert-id');
    const cityTier = await (await ctx.request('/console/watch?tier=city_staff', { headers: city })).text();
    expect(cityTier).not.toContain('data-alert-id');
    const swTier = await (await ctx.request('/console/watch?tier=support_worker', { headers: city })).text();
    expect(swTier).toContain('data-alert-id');
    // An unknown filter is no filter, never an error.
    expect((await ctx.request('/console/watch?hamlet=abc&tier=__proto__', { headers: city })).status).toBe(
      200,
    );
  });
});

describe('calls and visits', () => {
  it("records a visit on the resident's page, shows it there and on the city's view; refuses others", async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    await enroll(ctx);
    const support = await ctx.login('support');
    const other = await ctx.login('support-2');
    const before = counts();
    const bad = await form('/console/watch/residents/1/contacts', { kind: 'visit', note: '玄関で' }, support);
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toContain('結果を選んでください');
    expect(badPage).toContain('value="玄関で"');
    expect(
      (await form('/console/watch/residents/1/contacts', { kind: 'visit', outcome: 'fine' }, other)).status,
    ).toBe(403);
    expect(counts()).toEqual(before);

    const res = await form(
      '/console/watch/residents/1/contacts',
      { kind: 'visit', outcome: 'concern', note: '足を引きずっていた' },
      support,
    );
    expect(res.status).toBe(303);
    expect(await ctx.db.select().from(watchContacts).get()).toMatchObject({
      residentId: 1,
      staffId: await staffId(ctx, 'support'),
      kind: 'visit',
      outcome: 'concern',
      note: '足を引きずっていた',
    });
    expect(
      await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'watch.contact.visit')).all(),
    ).toHaveLength(1);
    const page = await (await ctx.request('/console/watch/residents/1', { headers: support })).text();
    expect(page).toContain('足を引きずっていた');
    const cityView = await (await ctx.request('/console/watch', { headers: await ctx.login('city') })).text();
    expect(cityView).toContain('足を引きずっていた');
    expect(cityView).toContain('支援 久美子');
  });
});

describe('気になる handover notes', () => {
  it("reach the support worker's day and the city's overview, not the other hamlet", async () => {
    ctx = await watchTestContext({ now: '2026-11-24T00:00:00Z' });
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }], {
      box: 1,
    });
    await ctx.db
      .insert(handovers)
      .values({
        orderId: body.id,
        householdId: 1,
        residentId: 1,
        staffId: await staffId(ctx, 'support'),
        at: ctx.clock.now(),
        outcome: 'concern',
        note: '足を引きずっていた',
      })
      .run();
    const support = await (
      await ctx.request('/console/watch/today', { headers: await ctx.login('support') })
    ).text();
    expect(support).toContain('足を引きずっていた');
    const city = await (await ctx.request('/console/watch', { headers: await ctx.login('city') })).text();
    expect(city).toContain('足を引きずっていた');
    const other = await (
      await ctx.request('/console/watch/today', { headers: await ctx.login('support-2') })
    ).text();
    expect(other).not.toContain('足を引きずっていた');
  });
});
