import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, FALLBACK_ERROR_MESSAGE } from './client.js';
import { getMe } from './tv.js';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({
      method: req.method!,
      url: req.url!,
      auth: req.headers.authorization,
      body: await readBody(req),
    });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.url === '/api/tv/me') {
      if (req.headers.authorization !== 'Bearer good-token') {
        return json(401, { error: { code: 'unauthorized', message: 'この機械はまだ登録されていません' } });
      }
      return json(200, {
        household: { id: 1, name: '山田家' },
        residents: [{ id: 11, name: '山田 花子', kana: 'やまだ はなこ' }],
        hamlet: { id: 3, name: '長谷', hallName: '長谷公民館' },
      });
    }
    if (req.url === '/api/echo') return json(200, { got: JSON.parse(seen.at(-1)!.body) });
    if (req.url === '/api/empty') {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html>bad gateway</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('api client', () => {
  it('sends the box token as a bearer token and returns typed JSON', async () => {
    const me = await getMe(createApiClient({ baseUrl, token: 'good-token' }));
    expect(me.residents[0]!.name).toBe('山田 花子');
    expect(me.hamlet.hallName).toBe('長谷公民館');
    expect(seen.at(-1)!.auth).toBe('Bearer good-token');
  });

  it("surfaces the server's Japanese message and code on an error response", async () => {
    const error = await getMe(createApiClient({ baseUrl, token: 'wrong' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'この機械はまだ登録されていません',
    });
  });

  it('sends no Authorization header without a token', async () => {
    await getMe(createApiClient({ baseUrl, token: null })).catch(() => undefined);
    expect(seen.at(-1)!.auth).toBeUndefined();
  });

  it('posts JSON bodies and accepts empty responses', async () => {
    const client = createApiClient({ baseUrl, token: 't' });
    await expect(client.post('/echo', { kind: 'keys' })).resolves.toEqual({ got: { kind: 'keys' } });
    await expect(client.post('/empty')).resolves.toBeUndefined();
  });

  it('falls back to a Japanese message for non-JSON errors and unreachable servers', async () => {
    const proxyError = await createApiClient({ baseUrl, token: 't' })
      .get('/nowhere')
      .catch((e: unknown) => e);
    expect(proxyError).toMatchObject({ status: 502, code: 'http_502', message: FALLBACK_ERROR_MESSAGE });
    const down = await createApiClient({ baseUrl: 'http://127.0.0.1:1/api', token: 't' })
      .get('/tv/me')
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ status: 0, code: 'network', message: FALLBACK_ERROR_MESSAGE });
  });
});
