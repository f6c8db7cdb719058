import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCurrentBilling, type CurrentBilling } from './billing.js';
import { ApiError, createApiClient } from './client.js';

const body: CurrentBilling = {
  month: '2026-11',
  runningTotal: 2392,
  membership: 1000,
  goods: 892,
  rides: 500,
  carriedOver: 0,
  other: 0,
  lastStatement: { month: '2026-10', amountDue: 1892, status: 'paid' },
  notice: null,
  debitDate: '2026-12-28',
  planned: { orders: { count: 0, yen: 0 }, rides: { count: 0, yen: 0 } },
};

let server: Server;
let baseUrl: string;
const seen: { url: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, auth: req.headers.authorization });
    const ok = req.url === '/api/billing/current' && req.headers.authorization === 'Bearer box';
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify(
        ok ? body : { error: { code: 'unauthorized', message: 'この機械はまだ登録されていません' } },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('getCurrentBilling', () => {
  it('asks /api/billing/current with the box token', async () => {
    await expect(getCurrentBilling(createApiClient({ baseUrl, token: 'box' }))).resolves.toEqual(body);
    expect(seen.at(-1)).toEqual({ url: '/api/billing/current', auth: 'Bearer box' });
  });

  it('passes the server’s Japanese error through', async () => {
    const error = await getCurrentBilling(createApiClient({ baseUrl, token: 'other' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, message: 'この機械はまだ登録されていません' });
  });
});
