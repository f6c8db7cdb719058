import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/context';
import { loadConfig } from './config';

let ctx: TestContext;
let dir: string | undefined;
afterEach(() => {
  ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A stand-in for the built TV app, so the static files' headers can be checked without a build. */
function tvAppDir() {
  dir = mkdtempSync(join(tmpdir(), 'engawa-tv-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>えんがわ</title>');
  return dir;
}

const directives = (csp: string | null) =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

describe('security headers', () => {
  it('sends a script-locking Content-Security-Policy and the usual headers on every kind of answer', async () => {
    ctx = await createTestContext({ config: { TV_APP_DIR: tvAppDir() } });
    const staff = await ctx.login('admin');
    const answers = {
      tvApp: await ctx.request('/'),
      api: await ctx.request('/api/tv/me', { headers: ctx.device(1) }),
      apiError: await ctx.request('/api/tv/me'),
      console: await ctx.request('/console', { headers: staff }),
      login: await ctx.request('/console/login'),
      family: await ctx.request('/p/watch/ack/bogus', { headers: { accept: 'text/html' } }),
    };
    for (const [name, res] of Object.entries(answers)) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp['script-src'], name).toEqual(expect.arrayContaining(["'self'"]));
      expect(csp['script-src'], name).not.toContain("'unsafe-inline'");
      // Lightning 2 compiles templates with new Function: only the TV app's page may eval.
      if (name !== 'tvApp') expect(csp['script-src'], name).not.toContain("'unsafe-eval'");
      expect(csp['object-src'], name).toEqual(["'none'"]);
      expect(csp['frame-ancestors'], name).toEqual(["'none'"]);
      expect(csp['connect-src'], name).toEqual(["'self'"]);
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), name).toBe('same-origin');
    }
  });

  it('keeps personal answers out of caches, but lets the TV app files be cached', async () => {
    ctx = await createTestContext({ config: { TV_APP_DIR: tvAppDir() } });
    const staff = await ctx.login('admin');
    for (const res of [
      await ctx.request('/console', { headers: staff }),
      await ctx.request('/console/watch', { headers: staff }),
      await ctx.request('/api/tv/me', { headers: ctx.device(1) }),
      await ctx.request('/p/watch/ack/bogus', { headers: { accept: 'text/html' } }),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await ctx.request('/')).headers.get('cache-control')).toBeNull();
  });

  it("lets the API reference's inline script run by its per-request nonce only", async () => {
    ctx = await createTestContext();
    const first = await ctx.request('/api/docs');
    const second = await ctx.request('/api/docs');
    const nonceOf = (res: Response) =>
      directives(res.headers.get('content-security-policy'))['script-src']!.find((v: string) =>
        v.startsWith("'nonce-"),
      );
    const nonce = nonceOf(first)!;
    expect(nonce).toBeDefined();
    expect(nonceOf(second)).not.toBe(nonce);
    expect(await first.text()).toContain(`<script nonce="${nonce.slice(7, -1)}">`);
  });
});

describe('the demo picker', () => {
  it('is off unless demo seeding is asked for explicitly', async () => {
    expect(loadConfig({}).SEED_DEMO).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    ctx = await createTestContext({ config: { SEED_DEMO: loadConfig({}).SEED_DEMO } });
    expect((await ctx.request('/demo')).status).toBe(404);
  });

  it('is served, with the security headers, when the demo seed was asked for', async () => {
    ctx = await createTestContext({ config: { SEED_DEMO: true } });
    const res = await ctx.request('/demo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
