import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp';
import { mailOutbox } from '../../../db/src/schema';
import { backoffMs, deliverOutbox, enqueueMail } from './outbox';
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
    ctx = createTestContext({ seed: false });
    smtp = await startSmtpServer();
    expect(enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(true);
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

  it('queues a message once per dedupe key', () => {
    ctx = createTestContext({ seed: false });
    expect(enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(true);
    expect(enqueueMail(ctx.db, mail, ctx.clock.now())).toBe(false);
    expect(ctx.db.select().from(mailOutbox).all()).toHaveLength(1);
  });

  it('keeps and retries mail with backoff while SMTP is down, and delivers it once when it is back', async () => {
    ctx = createTestContext({ seed: false });
    smtp = await startSmtpServer();
    await smtp.close();
    const transport = createTransport(smtp.url);
    enqueueMail(ctx.db, mail, ctx.clock.now());

    const first = await deliverOutbox(ctx.deps, transport);
    expect(first).toEqual({ sent: 0, failed: 1 });
    let row = ctx.db.select().from(mailOutbox).get()!;
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeNull();
    expect(row.nextAttemptAt.getTime() - ctx.clock.now().getTime()).toBe(backoffMs(1));

    // Not due yet: nothing is tried.
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    ctx.clock.advance(backoffMs(1));
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 1 });
    row = ctx.db.select().from(mailOutbox).get()!;
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - ctx.clock.now().getTime()).toBe(backoffMs(2));

    await smtp.listen();
    ctx.clock.advance(60 * 60_000);
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.inbox).toHaveLength(1);
    expect(ctx.db.select().from(mailOutbox).get()!.sentAt).not.toBeNull();
  });

  it('backs off 1, 2, 4 … minutes up to an hour', () => {
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000]);
  });
});
