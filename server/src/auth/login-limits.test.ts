import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../db/src/seed';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { startTestServer, type TestServer } from '../../../test/helpers/server';
import { loadConfig } from '../config';
import { resolveClientAddress, type TrustProxy } from '../lib/trust-proxy';
import { LOGIN_LIMIT_MESSAGE, LOGIN_LIMITS } from './rate-limit';

let ctx: TestContext | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  ctx?.close();
  ctx = undefined;
  await server?.close();
  server = undefined;
});

const form = (loginId: string, password: string) => new URLSearchParams({ loginId, password }).toString();

/** A login form post over real TCP (peer 127.0.0.1), optionally with X-Forwarded-For. */
async function postLogin(s: TestServer, loginId: string, password: string, forwardedFor?: string) {
  const res = await fetch(`${s.baseUrl}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: s.baseUrl,
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: form(loginId, password),
  });
  await res.arrayBuffer();
  return res.status;
}

const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).TRUST_PROXY;

describe('login limits', () => {
  it('never limits correct logins: ten in a row all succeed', async () => {
    ctx = await createTestContext();
    for (let i = 0; i < 10; i++) {
      const res = await ctx.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: form('city', DEMO_PASSWORD),
      });
      expect(res.status, `login ${i + 1}`).toBe(303);
    }
  });

  it('forgets earlier failures of a login id once it logs in from that address', async () => {
    ctx = await createTestContext();
    const post = (password: string) =>
      ctx!.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: form('city', password),
      });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < LOGIN_LIMITS.perLoginAndAddress - 1; i++)
        expect((await post('wrong')).status).toBe(401);
      expect((await post(DEMO_PASSWORD)).status).toBe(303);
    }
  });

  it('shows the Japanese limit message on the console login page (429)', async () => {
    ctx = await createTestContext();
    let res: Response | undefined;
    for (let i = 0; i <= LOGIN_LIMITS.perLoginAndAddress; i++) {
      res = await ctx.request('/console/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
        body: form('city', 'wrong'),
      });
    }
    expect(res!.status).toBe(429);
    expect(res!.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res!.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain(LOGIN_LIMIT_MESSAGE);
  });

  it('does not lock other clients behind the trusted proxy out when one client guesses', async () => {
    server = await startTestServer({ config: { TRUST_PROXY: trust('127.0.0.1') } });
    const attacker = '198.51.100.7';
    // Wrong passwords for many accounts until the attacker's own address is refused.
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAddress + 2; i++) {
      statuses.push(await postLogin(server, `guess-${i}`, 'wrong', attacker));
    }
    expect(statuses.slice(0, LOGIN_LIMITS.perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await postLogin(server, 'store', DEMO_PASSWORD, attacker)).toBe(429);
    // Everyone else behind the same proxy still logs in, the guessed account included.
    expect(await postLogin(server, 'city', DEMO_PASSWORD, '203.0.113.10')).toBe(303);
    expect(await postLogin(server, 'store', DEMO_PASSWORD, '203.0.113.11')).toBe(303);
    expect(await postLogin(server, 'admin', DEMO_PASSWORD, `${attacker}, 203.0.113.12`)).toBe(303);
  });

  it('ignores X-Forwarded-For when the peer is not a trusted proxy', async () => {
    for (const value of ['false', '10.0.0.0/8']) {
      server = await startTestServer({ config: { TRUST_PROXY: trust(value) } });
      for (let i = 0; i < LOGIN_LIMITS.perLoginAndAddress; i++) {
        expect(await postLogin(server, 'city', 'wrong', `192.0.2.${i + 1}`)).toBe(401);
      }
      // A new header does not make a new client: the peer is the client.
      expect(await postLogin(server, 'city', 'wrong', '192.0.2.200'), `TRUST_PROXY=${value}`).toBe(429);
      await server.close();
      server = undefined;
    }
  });

  it('limits guesses at one login id spread over many addresses, except from addresses it has used', async () => {
    server = await startTestServer({ config: { TRUST_PROXY: trust('127.0.0.1') } });
    expect(await postLogin(server, 'city', DEMO_PASSWORD, '203.0.113.50')).toBe(303);
    for (let i = 0; i < LOGIN_LIMITS.perLogin; i++) {
      expect(await postLogin(server, 'city', 'wrong', `198.51.100.${i + 1}`)).toBe(401);
    }
    expect(await postLogin(server, 'city', DEMO_PASSWORD, '198.51.100.200')).toBe(429);
    // The staff member's own machine is not locked out by strangers' failures.
    expect(await postLogin(server, 'city', DEMO_PASSWORD, '203.0.113.50')).toBe(303);
    // Other login ids are not affected.
    expect(await postLogin(server, 'store', DEMO_PASSWORD, '198.51.100.201')).toBe(303);
  });
});

describe('client address behind a proxy', () => {
  const off: TrustProxy = { kind: 'off' };
  it.each([
    ['off: the peer, header ignored', off, '10.0.0.2', '1.2.3.4', '10.0.0.2'],
    [
      'trusted peer: the rightmost untrusted entry',
      trust('10.0.0.0/8'),
      '10.0.0.2',
      '6.6.6.6, 1.2.3.4',
      '1.2.3.4',
    ],
    [
      'trusted chain of proxies is skipped',
      trust('10.0.0.0/8,192.168.1.1'),
      '10.0.0.2',
      '6.6.6.6, 1.2.3.4, 192.168.1.1, 10.9.9.9',
      '1.2.3.4',
    ],
    ['untrusted peer: the peer', trust('10.0.0.0/8'), '172.16.0.1', '1.2.3.4', '172.16.0.1'],
    ['IPv4-mapped peer is trusted', trust('127.0.0.1'), '::ffff:127.0.0.1', '1.2.3.4', '1.2.3.4'],
    ['IPv6 CIDR', trust('fd00::/8'), 'fd00::1', '2001:db8::5', '2001:db8::5'],
    ['one hop: the last entry', trust('1'), '10.0.0.2', '6.6.6.6, 1.2.3.4', '1.2.3.4'],
    ['two hops', trust('2'), '10.0.0.2', '6.6.6.6, 1.2.3.4, 10.1.1.1', '1.2.3.4'],
    ['no header: the peer', trust('10.0.0.0/8'), '10.0.0.2', undefined, '10.0.0.2'],
  ] as const)('%s', (_label, t, peer, xff, expected) => {
    expect(resolveClientAddress(t, peer, xff)).toBe(expected);
  });

  it.each(['true', 'proxy.example', '10.0.0.0/33', '1.2.3.4/8/1'])(
    'refuses TRUST_PROXY=%s at start',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );
});
