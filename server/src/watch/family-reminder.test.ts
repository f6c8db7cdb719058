import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp';
import { familyContacts, watchReminders } from '../../../db/src/schema';
import { deliverOutbox } from '../mail/outbox';
import { createTransport } from '../mail/transport';
import { enroll, runJobsFor, watchTestContext } from './testing';

let ctx: TestContext;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  ctx?.close();
  await smtp?.close().catch(() => undefined);
  smtp = undefined;
});

const CONTACT1 = 'yamada.family1.r1@example.jp';
const pathIn = (text: string | undefined, kind: 'ack' | 'family') =>
  new RegExp(`http://localhost:3000(/p/watch/${kind}/[\\w.-]+)`).exec(text ?? '')?.[1];
const post = (path: string, body: Record<string, string> = {}) =>
  ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
const counts = () => {
  const { audit_log: _a, ...rest } = tableCounts(ctx);
  return rest;
};

describe('family reminders (real SMTP on loopback)', () => {
  it('a contact verifies by email from the alert page, then adds a reminder for their resident', async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    smtp = await startSmtpServer();
    const transport = createTransport(smtp.url);
    await enroll(ctx, { supportWorkerFirst: false });
    await runJobsFor(ctx, 24 * 60, transport);
    const ack = pathIn(smtp.inbox[0]!.text, 'ack')!;
    expect(await (await ctx.request(ack)).text()).toContain('確認のメールを送る');

    const asked = await post(`${ack}/family-reminder`);
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toContain('sent=1');
    // Pressing again at once sends no second mail.
    expect((await post(`${ack}/family-reminder`)).status).toBe(303);
    await deliverOutbox(ctx.deps, transport);
    const verify = smtp.inbox.filter((m) => m.subject?.includes('リマインダー登録の確認'));
    expect(verify).toHaveLength(1);
    expect(verify[0]!.to).toMatchObject({ text: CONTACT1 });
    const family = pathIn(verify[0]!.text, 'family')!;
    expect(family).toBeDefined();

    const form = await ctx.request(family);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('山田 花子さんのリマインダー');

    const before = counts();
    expect(
      (await post(family, { text: '', recurrence: 'daily', time: '08:00', startDate: '2026-11-24' })).status,
    ).toBe(400);
    const forged = family.slice(0, -3) + (family.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(
      (await post(forged, { text: 'x', recurrence: 'daily', time: '08:00', startDate: '2026-11-24' })).status,
    ).toBe(404);
    expect(counts()).toEqual(before);

    const added = await post(family, {
      text: 'デイサービスの日です',
      recurrence: 'weekly',
      time: '07:45',
      startDate: '2026-11-25',
    });
    expect(added.status).toBe(303);
    const contact1 = (await ctx.db
      .select()
      .from(familyContacts)
      .where(eq(familyContacts.email, CONTACT1))
      .get())!;
    const rem = (await ctx.db.select().from(watchReminders).get())!;
    expect(rem).toMatchObject({
      residentId: 1,
      text: 'デイサービスの日です',
      recurrence: 'weekly',
      time: '07:45',
      createdByContactId: contact1.id,
      createdByStaffId: null,
    });
    expect(await (await ctx.request(family)).text()).toContain('デイサービスの日です');

    // The verification link expires after 24 hours.
    ctx.clock.advance(24 * 3_600_000 + 60_000);
    const late = await post(family, {
      text: 'x',
      recurrence: 'daily',
      time: '08:00',
      startDate: '2026-11-25',
    });
    expect(late.status).toBe(410);
    expect(await ctx.db.select().from(watchReminders).all()).toHaveLength(1);
  });

  it("a support worker's alert link cannot ask for the family form", async () => {
    ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
    smtp = await startSmtpServer();
    const transport = createTransport(smtp.url);
    await enroll(ctx); // support worker first
    await runJobsFor(ctx, 24 * 60, transport);
    const ack = pathIn(smtp.inbox[0]!.text, 'ack')!;
    expect(await (await ctx.request(ack)).text()).not.toContain('確認のメールを送る');
    const before = counts();
    expect((await post(`${ack}/family-reminder`)).status).toBe(404);
    expect(counts()).toEqual(before);
  });
});
