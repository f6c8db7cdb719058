import { afterEach, describe, expect, it } from 'vitest';
import { type TestContext } from '../../../test/helpers/context';
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp';
import { mailOutbox, watchAlerts, watchAlertSteps } from '../../../db/src/schema';
import { createTransport } from '../mail/transport';
import { deliverOutbox } from '../mail/outbox';
import { runWatchPass } from './run-watch-pass';
import { enroll, runJobsFor, watchTestContext } from './testing';

let ctx: TestContext;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  ctx?.close();
  await smtp?.close().catch(() => undefined);
  smtp = undefined;
});

// Monday 23 November 2026, 09:00 in Tokyo.
const START = '2026-11-23T00:00:00Z';
const CONTACT1 = 'yamada.family1.r1@example.jp';
const CONTACT2 = 'yamada.family2.r1@example.jp';
const SUPPORT = 'shien-nakao@city.example.jp';

async function setup(opts: { supportWorkerFirst?: boolean } = {}) {
  ctx = await watchTestContext({ now: START });
  smtp = await startSmtpServer();
  await enroll(ctx, { supportWorkerFirst: opts.supportWorkerFirst ?? false });
  const keys = () => ctx.json('POST', '/api/watch/activity', { kind: 'keys' }, ctx.device(1));
  expect((await keys()).status).toBe(200);
  return { transport: createTransport(smtp.url), keys };
}

const linkIn = (text: string | undefined) =>
  /http:\/\/localhost:3000(\/p\/watch\/ack\/[\w.-]+)/.exec(text ?? '')?.[1];

describe('watching scenarios (real SMTP on loopback, injected clock)', () => {
  it('silence past the threshold sends exactly one email, to contact 1, even when the job runs again', async () => {
    const { transport } = await setup();
    await runJobsFor(ctx, 23 * 60 + 55, transport);
    expect(smtp!.inbox).toHaveLength(0);
    await runJobsFor(ctx, 5, transport);
    expect(smtp!.inbox).toHaveLength(1);
    const mail = smtp!.inbox[0]!;
    expect(mail.to).toMatchObject({ text: CONTACT1 });
    expect(mail.subject).toBe('【見守り】山田 花子さんのご様子を確認してください');
    expect(mail.text).toContain('24時間、テレビの操作・買い物・タクシーなどの活動がありません');
    expect(linkIn(mail.text)).toBeDefined();
    // A restarted job at the same instant: no second step, no second mail.
    await runWatchPass(ctx.db, ctx.deps.config, ctx.clock.now());
    await deliverOutbox(ctx.deps, transport);
    expect(smtp!.inbox).toHaveLength(1);
    expect(await ctx.db.select().from(watchAlerts).all()).toHaveLength(1);
  });

  it('escalates to the next contact and the support worker, then city staff on the console', async () => {
    const { transport } = await setup();
    await runJobsFor(ctx, 24 * 60 + 60, transport);
    expect(smtp!.inbox.map((m) => (m.to as { text: string }).text).sort()).toEqual(
      [CONTACT1, CONTACT2, SUPPORT].sort(),
    );
    await runJobsFor(ctx, 60, transport);
    const steps = await ctx.db.select().from(watchAlertSteps).all();
    expect(steps.map((s) => s.tier)).toEqual(['contact', 'contact_and_support_worker', 'city_staff']);
    const page = await ctx.request('/console/watch', { headers: await ctx.login('city') });
    expect(await page.text()).toContain('山田 花子');
  });

  it('the family acknowledges through the link: status page, once per action, escalation stops', async () => {
    const { transport } = await setup();
    await runJobsFor(ctx, 24 * 60, transport);
    const link = linkIn(smtp!.inbox[0]!.text)!;
    const view = await ctx.request(link);
    expect(view.status).toBe(200);
    const html = await view.text();
    expect(html).toContain('まだどなたからも応答がありません');
    // The ladder has a next step (the second contact with the support worker), so it is named.
    expect(html).toContain('次のご家族の連絡先と集落支援員にもお知らせします');
    expect(html).toContain('訪問します');
    const post = (action: string) =>
      ctx.request(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ action }).toString(),
      });
    expect((await post('visiting')).status).toBe(303);
    expect((await post('visiting')).status).toBe(409);
    // After the answer the page shows the new status, and promises no further step.
    const answered = await (await ctx.request(link)).text();
    expect(answered).toContain('対応中です');
    expect(answered).toContain('「訪問します」と応答しました');
    expect(answered).not.toContain('にもお知らせします');
    await runJobsFor(ctx, 180, transport);
    expect(smtp!.inbox).toHaveLength(1);
    expect((await post('fine')).status).toBe(303);
    expect((await ctx.db.select().from(watchAlerts).get())!.closeReason).toBe('settled');
    expect(await (await ctx.request(link)).text()).toContain('確認が済み');
    // A forged or altered link is refused.
    expect((await ctx.request(link.slice(0, -3) + 'abc')).status).toBe(404);
  });

  it('activity resuming closes the alert and sends "回復しました" to those told', async () => {
    const { transport, keys } = await setup();
    await runJobsFor(ctx, 24 * 60 + 60, transport);
    expect(smtp!.inbox).toHaveLength(3);
    await keys();
    await runJobsFor(ctx, 5, transport);
    const recovered = smtp!.inbox.slice(3);
    expect(recovered.map((m) => m.subject)).toEqual(Array(3).fill('【見守り】山田 花子さん 回復しました'));
    expect((await ctx.db.select().from(watchAlerts).get())!.closeReason).toBe('recovered');
  });

  it('an away period set from the TV suppresses alerts until the return date', async () => {
    const { transport } = await setup();
    const res = await ctx.json('POST', '/api/watch/away', { returnDate: '2026-11-26' }, ctx.device(1));
    expect(res.status).toBe(200);
    // Away until 26 Nov 12:00; silence counts from then, so nothing before 27 Nov 12:00.
    await runJobsFor(ctx, 4 * 24 * 60 - 60, transport);
    expect(smtp!.inbox).toHaveLength(0);
    await runJobsFor(ctx, 4 * 60, transport);
    expect(smtp!.inbox).toHaveLength(1);
  });

  it('TV on with no key: greets, then asks "お元気ですか？" on screen, then tells the support worker first', async () => {
    const { transport } = await setup({ supportWorkerFirst: true });
    const heartbeat = async () => {
      await ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' }, ctx.device(1));
    };
    const notices = async () =>
      (await (await ctx.request('/api/watch/notices', { headers: ctx.device(1) })).json()) as {
        check: boolean;
        greeting: string | null;
      };
    // Three hours on: first a greeting that asks nothing, and no question yet.
    await runJobsFor(ctx, 180, transport, heartbeat);
    expect(await notices()).toMatchObject({ check: false, greeting: expect.any(String) });
    // Half an hour unanswered: the question replaces the greeting.
    await runJobsFor(ctx, 30, transport, heartbeat);
    expect(await notices()).toMatchObject({ check: true, greeting: null });
    await runJobsFor(ctx, 120, transport, heartbeat);
    expect(smtp!.inbox).toHaveLength(1);
    expect(smtp!.inbox[0]!.to).toMatchObject({ text: SUPPORT });
    expect(smtp!.inbox[0]!.text).toContain('お元気ですか');
  });

  it('an answered greeting clears the prompt and raises nothing', async () => {
    const { transport, keys } = await setup({ supportWorkerFirst: true });
    const heartbeat = async () => {
      await ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' }, ctx.device(1));
    };
    await runJobsFor(ctx, 185, transport, heartbeat);
    await keys();
    const notices = (await (await ctx.request('/api/watch/notices', { headers: ctx.device(1) })).json()) as {
      check: boolean;
      greeting: string | null;
    };
    expect(notices).toMatchObject({ check: false, greeting: null });
    await runJobsFor(ctx, 120, transport, heartbeat);
    expect(smtp!.inbox).toHaveLength(0);
  });

  it('with SMTP down for an hour, every mail is delivered exactly once after it is back', async () => {
    const { transport } = await setup();
    await smtp!.close();
    await runJobsFor(ctx, 24 * 60 + 60, transport);
    expect(smtp!.inbox).toHaveLength(0);
    const queued = await ctx.db.select().from(mailOutbox).all();
    expect(queued).toHaveLength(3);
    expect(queued.every((m) => m.sentAt === null && m.attempts > 0)).toBe(true);
    await smtp!.listen();
    await runJobsFor(ctx, 60, transport);
    expect(smtp!.inbox).toHaveLength(3);
    await runJobsFor(ctx, 60, transport);
    expect(smtp!.inbox).toHaveLength(3);
  });

  it('refuses bad activity input and unknown boxes, writing nothing', async () => {
    await setup();
    expect((await ctx.json('POST', '/api/watch/activity', { kind: 'channel' }, ctx.device(1))).status).toBe(
      400,
    );
    expect((await ctx.json('POST', '/api/watch/activity', { kind: 'keys' })).status).toBe(401);
    expect(
      (await ctx.json('POST', '/api/watch/away', { returnDate: '2026-11-01' }, ctx.device(1))).status,
    ).toBe(422);
  });
});
