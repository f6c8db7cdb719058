import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp';
import { mailOutbox } from '../../../db/src/schema';
import { testConfig } from '../config';
import { backoffMs, deliverOutbox, enqueueMail, messageIdOf } from './outbox';
import { createTransport } from './transport';

let ctx: TestContext;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  ctx?.close();
  await smtp?.close().catch(() => undefined);
  smtp = undefined;
});

const mail = {
  dedupeKey: 'test:1',
  to: 'yamada.family1@example.jp',
  subject: '【見守り】山田 花子さんのテレビが24時間使われていません',
  text: '山田 花子さんのテレビが、11月22日 9:00 から使われていません。\nお電話などでご様子を確かめてください。',
};

describe('mail outbox', () => {
  it('delivers Japanese mail through a real SMTP server', async () => {
    ctx = await createTestContext({ seed: false });
    smtp = await startSmtpServer();
    expect(await enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(true);
    const res = await deliverOutbox(ctx.deps, createTransport(smtp.url));
    expect(res).toEqual({ sent: 1, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
    expect(smtp.inbox[0]!.subject).toBe(mail.subject);
    expect(smtp.inbox[0]!.text?.trim()).toBe(mail.text);
    expect(smtp.inbox[0]!.to).toMatchObject({ text: mail.to });
    // Nothing left to send: a second pass sends nothing more.
    expect(await deliverOutbox(ctx.deps, createTransport(smtp.url))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
  });

  it('queues a message once per dedupe key', async () => {
    ctx = await createTestContext({ seed: false });
    expect(await enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(true);
    expect(await enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(false);
    expect(await ctx.db.select().from(mailOutbox).all()).toHaveLength(1);
  });

  it('keeps and retries mail with backoff while SMTP is down, and delivers it once when it is back', async () => {
    ctx = await createTestContext({ seed: false });
    smtp = await startSmtpServer();
    await smtp.close();
    const transport = createTransport(smtp.url);
    await enqueueMail(ctx.db, mail, ctx.clock.now());

    const first = await deliverOutbox(ctx.deps, transport);
    expect(first).toEqual({ sent: 0, failed: 1 });
    let row = (await ctx.db.select().from(mailOutbox).get())!;
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeNull();
    expect(row.nextAttemptAt.getTime() - ctx.clock.now().getTime()).toBe(backoffMs(1));

    // Not due yet: nothing is tried.
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    ctx.clock.advance(backoffMs(1));
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 1 });
    row = (await ctx.db.select().from(mailOutbox).get())!;
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - ctx.clock.now().getTime()).toBe(backoffMs(2));

    await smtp.listen();
    ctx.clock.advance(60 * 60_000);
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
    expect((await ctx.db.select().from(mailOutbox).get())!.sentAt).not.toBeNull();
  });

  it('backs off 1, 2, 4 … minutes up to an hour', () => {
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000]);
  });

  it('retries a refused mail one minute after the attempt, even when the next tick fires a little earlier', async () => {
    // The job's timer fired 40 ms after 10:00; the next minute it fires 10 ms after 10:01.
    ctx = await createTestContext({ seed: false, now: '2026-11-23T01:00:00.040Z' });
    let refuse = true;
    smtp = await startSmtpServer(0, {
      beforeAnswer: () => {
        if (refuse) throw Object.assign(new Error('try again later'), { responseCode: 451 });
      },
    });
    const transport = createTransport(smtp.url, 5_000);
    await enqueueMail(ctx.db, mail, ctx.clock.now());
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 1 });
    const row = (await ctx.db.select().from(mailOutbox).get())!;
    expect(row.state).toBe('queued');
    expect(row.lastError).toContain('451');
    refuse = false;
    ctx.clock.set('2026-11-23T01:01:00.010Z');
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
  });

  it('a relay slower to answer than the old 20 s timeout but within the configured one gets each mail once', async () => {
    // The default waits 120 s for an answer; the test shrinks both sides of the race.
    expect(testConfig().SMTP_TIMEOUT_SECONDS).toBe(120);
    expect(createTransport('smtp://127.0.0.1:25')!.options).toMatchObject({ socketTimeout: 120_000 });
    ctx = await createTestContext({ seed: false });
    smtp = await startSmtpServer(0, { beforeAnswer: () => new Promise((r) => setTimeout(r, 800)) });
    const transport = createTransport(smtp.url, 3_000);
    await enqueueMail(ctx.db, mail, ctx.clock.now());
    await enqueueMail(ctx.db, { ...mail, dedupeKey: 'test:2' }, ctx.clock.now());
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 2, failed: 0 });
    ctx.clock.advance(60 * 60_000);
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(2);
    expect((await ctx.db.select().from(mailOutbox).all()).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('a mail whose answer was lost is marked unconfirmed, not refused, and resent with the same Message-ID', async () => {
    ctx = await createTestContext({ seed: false });
    let slow = true;
    smtp = await startSmtpServer(0, {
      beforeAnswer: () => (slow ? new Promise((r) => setTimeout(r, 1_500)) : undefined),
    });
    const transport = createTransport(smtp.url, 500);
    await enqueueMail(ctx.db, mail, ctx.clock.now());
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 1 });
    const row = (await ctx.db.select().from(mailOutbox).get())!;
    expect(row.state).toBe('unconfirmed');
    expect(row.lastError).toMatch(/^answer lost/);
    // The relay did get it: the resend carries the Message-ID receivers drop duplicates by.
    expect(smtp.inbox).toHaveLength(1);
    slow = false;
    ctx.clock.advance(backoffMs(1));
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.inbox.map((m) => m.messageId)).toEqual(Array(2).fill(messageIdOf(row)));
    expect((await ctx.db.select().from(mailOutbox).get())!.state).toBe('sent');
  });

  it('a mail left "sending" by a process that died is resent once no live send can own it', async () => {
    ctx = await createTestContext({ seed: false, config: { SMTP_TIMEOUT_SECONDS: 120 } });
    smtp = await startSmtpServer();
    const transport = createTransport(smtp.url, 5_000);
    await enqueueMail(ctx.db, mail, ctx.clock.now());
    await ctx.db.update(mailOutbox).set({ state: 'sending', claimedAt: ctx.clock.now(), attempts: 1 }).run();
    ctx.clock.advance(60_000);
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    ctx.clock.advance(4 * 60_000);
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
    const row = (await ctx.db.select().from(mailOutbox).get())!;
    expect([row.state, row.attempts]).toEqual(['sent', 2]);
    expect(smtp.inbox.map((m) => m.messageId)).toEqual([messageIdOf(row)]);
  });
});
