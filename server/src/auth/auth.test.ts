import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { DEMO_STAFF } from '../../../db/src/seed';
import { homeFor } from '../console/nav';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('set-top box tokens', () => {
  it('lets a box read its own household', async () => {
    ctx = await createTestContext();
    const res = await ctx.request('/api/tv/me', { headers: ctx.device(2) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      household: { id: number; name: string };
      residents: { name: string }[];
    };
    expect(body.household).toEqual({ id: 2, name: '小松家' });
    expect(body.residents.map((r) => r.name)).toEqual(['小松 正夫', '小松 和子']);
  });

  it.each([
    ['no header', {}],
    ['an unknown token', { authorization: 'Bearer unknown-token-0000000000' }],
    ['a malformed header', { authorization: 'Basic abc' }],
  ])('refuses %s with 401', async (_label, headers) => {
    ctx = await createTestContext();
    const res = await ctx.request('/api/tv/me', { headers });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses a revoked box', async () => {
    ctx = await createTestContext();
    ctx.sqlite.prepare('UPDATE set_top_boxes SET revoked_at = 1 WHERE id = 1').run();
    expect((await ctx.request('/api/tv/me', { headers: ctx.device(1) })).status).toBe(401);
  });

  it("hides another household's resident (404) and shows its own", async () => {
    ctx = await createTestContext();
    expect((await ctx.request('/api/tv/residents/1', { headers: ctx.device(1) })).status).toBe(200);
    const res = await ctx.request('/api/tv/residents/2', { headers: ctx.device(1) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('stores only a hash of each token', async () => {
    ctx = await createTestContext();
    const rows = ctx.sqlite.prepare<[], { token_hash: string }>('SELECT token_hash FROM set_top_boxes').all();
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('staff sessions', () => {
  it('logs every demo role in with an HttpOnly, SameSite=Strict cookie and sends it to the work of its role', async () => {
    ctx = await createTestContext();
    for (const s of DEMO_STAFF) {
      const res = await ctx.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ loginId: s.loginId, password: 'engawa-demo' }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const landing = await ctx.request('/console', { headers: { cookie: cookie.split(';')[0]! } });
      expect(landing.status).toBe(303);
      const home = landing.headers.get('location')!;
      expect(home).toBe(homeFor(s.role) ?? '/console/menu');
      const page = await ctx.request(home, { headers: { cookie: cookie.split(';')[0]! } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`data-role="${s.role}"`);
    }
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    ctx = await createTestContext();
    const post = (loginId: string, password: string) =>
      ctx.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ loginId, password }).toString(),
      });
    const wrong = await post('city', 'not-the-password');
    const unknown = await post('nobody', 'engawa-demo');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('ログインIDまたはパスワードが違います');
  });

  it('rate-limits repeated login attempts', async () => {
    ctx = await createTestContext();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await ctx.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: new URLSearchParams({ loginId: 'city', password: `wrong-${i}` }).toString(),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('checks the role on staff routes: 401 anonymous, 403 driver, 200 city staff', async () => {
    ctx = await createTestContext();
    expect((await ctx.request('/api/staff/audit-log')).status).toBe(401);
    const driver = await ctx.login('driver');
    const res = await ctx.request('/api/staff/audit-log', { headers: driver });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const city = await ctx.login('city');
    const ok = await ctx.request('/api/staff/audit-log', { headers: city });
    expect(ok.status).toBe(200);
    const { entries } = (await ok.json()) as { entries: { action: string }[] };
    expect(entries.filter((e) => e.action === 'login')).toHaveLength(2);
  });

  it('sends anonymous console visitors to the login page and ends sessions on logout', async () => {
    ctx = await createTestContext();
    const anon = await ctx.request('/console');
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe('/console/login?next=%2Fconsole');
    const cookie = await ctx.login('admin');
    await ctx.request('/console/logout', { method: 'POST', headers: cookie });
    expect((await ctx.request('/api/staff/me', { headers: cookie })).status).toBe(401);
  });

  it('refuses a cross-site login form post (CSRF) and writes nothing', async () => {
    ctx = await createTestContext();
    const before = tableCounts(ctx);
    const res = await ctx.request('/console/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: new URLSearchParams({ loginId: 'admin', password: 'engawa-demo' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(tableCounts(ctx)).toEqual(before);
  });
});
