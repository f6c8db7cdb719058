import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSettings } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';

let ctx: TestContext;
afterEach(() => ctx?.close());

const R1 = '/console/watch/residents/1';

async function watchedResident() {
  const staff = await ctx.login('support');
  const enrol = await ctx.request(`${R1}/enrol`, {
    method: 'POST',
    headers: { ...staff, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      consent: 'yes',
      thresholdHours: '36',
      quietStart: '22:00',
      quietEnd: '05:30',
    }),
  });
  expect(enrol.status).toBe(303);
  return staff;
}

const enabled = async () =>
  (await ctx.db.select().from(watchSettings).where(eq(watchSettings.residentId, 1)).get())?.enabled;

describe('console writes come only from the console itself', () => {
  it.each([
    ['a JSON body', 'application/json', '{}'],
    ['a form body', 'application/x-www-form-urlencoded', ''],
    ['no content type', undefined, undefined],
  ])('refuses a logged-in write from another origin with %s, and writes nothing', async (_, type, body) => {
    ctx = await createTestContext();
    const staff = await watchedResident();
    const before = tableCounts(ctx);
    const res = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: {
        ...staff,
        origin: 'http://evil.example',
        accept: 'text/html',
        ...(type ? { 'content-type': type } : {}),
      },
      body,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('別のサイトからの送信は受け付けません');
    expect(await enabled()).toBe(true);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a write with no Origin unless the browser vouches it is same-origin', async () => {
    ctx = await createTestContext();
    const { cookie } = await watchedResident();
    const bare = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(bare.status).toBe(403);
    const crossSite = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const opaque = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: { cookie, origin: 'null', 'sec-fetch-site': 'cross-site' },
    });
    expect(opaque.status).toBe(403);
    expect(await enabled()).toBe(true);
    const sameOrigin = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(303);
    expect(await enabled()).toBe(false);
  });

  it('accepts a write from the public address staff use behind the reverse proxy', async () => {
    ctx = await createTestContext({ config: { PUBLIC_BASE_URL: 'https://engawa.example.jp' } });
    const { cookie } = await watchedResident();
    const res = await ctx.request(`${R1}/stop`, {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://engawa.example.jp',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(res.status).toBe(303);
    expect(await enabled()).toBe(false);
  });
});
