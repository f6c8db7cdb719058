import { afterEach, describe, expect, it } from 'vitest';
import { tableCounts, type TestContext } from '../../../test/helpers/context';
import { mailOutbox, watchAcks, watchAlertSteps } from '../../../db/src/schema';
import { enroll, runJobsFor, watchTestContext } from './testing';

let ctx: TestContext;
afterEach(() => ctx?.close());

const linkIn = (text: string | undefined) =>
  /http:\/\/localhost:3000(\/p\/watch\/ack\/[\w.-]+)/.exec(text ?? '')?.[1];

async function alertLink() {
  ctx = await watchTestContext({ now: '2026-11-23T00:00:00Z' });
  await enroll(ctx, { supportWorkerFirst: false });
  expect((await ctx.json('POST', '/api/watch/activity', { kind: 'keys' }, ctx.device(1))).status).toBe(200);
  await runJobsFor(ctx, 24 * 60, null);
  const mail = await ctx.db.select().from(mailOutbox).all();
  expect(mail).toHaveLength(1);
  return linkIn(mail[0]!.text)!;
}

const post = (link: string, action: string) =>
  ctx.request(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action }).toString(),
  });

describe('acknowledgement actions', () => {
  it('refuses names inherited from Object as actions: 400 page, nothing stored, escalation continues', async () => {
    const link = await alertLink();
    const before = tableCounts(ctx);
    for (const action of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '']) {
      const res = await post(link, action);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('操作を選んでください');
    }
    expect(tableCounts(ctx)).toEqual(before);
    const page = await (await ctx.request(`${link}?done=toString`)).text();
    expect(page).not.toContain('native code');
    expect(page).not.toContain('を受け付けました');
    await runJobsFor(ctx, 60, null);
    expect((await ctx.db.select().from(watchAlertSteps).all()).length).toBeGreaterThan(1);
  });

  it('the database itself refuses an action outside the list', async () => {
    ctx = await watchTestContext();
    // Only the CHECK is under test here, not the alert the row would belong to.
    ctx.sqlite.pragma('foreign_keys = OFF');
    expect(() =>
      ctx.sqlite.prepare("INSERT INTO watch_acks (alert_id, action, at) VALUES (1, 'toString', 0)").run(),
    ).toThrow(/CHECK constraint failed/);
    expect(await ctx.db.select().from(watchAcks).all()).toHaveLength(0);
  });
});
