import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { addCharge, closeTime } from './testing';

type Body = Record<string, unknown> & { error: { code: string; message: string } };
const read = async (res: Response): Promise<Body> => (await res.json()) as Body;

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: '2026-11-20T03:00:00Z' });
});
afterEach(() => ctx.close());

describe('GET /api/billing/current', () => {
  it("returns this Tokyo month's running total for the box's own household only", async () => {
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 1,
      month: '2026-11',
    });
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-11' });
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-10' });
    addCharge(ctx.sqlite, { householdId: 2, kind: 'ride', amountYen: 500, month: '2026-11' });
    const res = await ctx.request('/api/billing/current', { headers: ctx.device(1) });
    expect(res.status).toBe(200);
    expect(await read(res)).toEqual({
      month: '2026-11',
      runningTotal: 2392,
      membership: 1000,
      goods: 892,
      rides: 500,
      carriedOver: 0,
      other: 0,
      lastStatement: null,
      notice: null,
      debitDate: '2026-12-28',
      planned: { orders: { count: 0, yen: 0 }, rides: { count: 0, yen: 0 } },
    });
  });

  it('needs a box token', async () => {
    const res = await ctx.request('/api/billing/current');
    expect(res.status).toBe(401);
    expect((await read(res)).error.code).toBe('unauthorized');
  });
});

describe('staff billing API', () => {
  it('city staff close a month; other roles may not', async () => {
    ctx.clock.set(closeTime('2026-11'));
    const store = await ctx.login('store');
    const refused = await ctx.json('POST', '/api/billing/closes', { month: '2026-10' }, store);
    expect(refused.status).toBe(403);
    const city = await ctx.login('city');
    const res = await ctx.json('POST', '/api/billing/closes', { month: '2026-10' }, city);
    expect(res.status).toBe(200);
    const body = await read(res);
    expect(body.statementsTotal).toBe(body.ledgerTotal);
    expect(body.alreadyClosed).toBe(false);
    const again = await read(await ctx.json('POST', '/api/billing/closes', { month: '2026-10' }, city));
    expect(again.alreadyClosed).toBe(true);
    const bad = await ctx.json('POST', '/api/billing/closes', { month: '2026-13' }, city);
    expect(bad.status).toBe(400);
    const early = await ctx.json('POST', '/api/billing/closes', { month: '2026-11' }, city);
    expect(early.status).toBe(409);
    expect((await read(early)).error.code).toBe('month_not_over');
  });

  it('records a bank account with names normalised, and refuses a kanji name writing nothing', async () => {
    const city = await ctx.login('city');
    const ok = await ctx.json(
      'PUT',
      '/api/billing/households/5/bank-account',
      {
        bankCode: '0143',
        bankName: 'はちじゅうに',
        branchCode: '531',
        branchName: 'タカトオ',
        accountType: 1,
        accountNumber: '12345',
        holderKana: 'いとう　せつこ',
      },
      city,
    );
    expect(ok.status).toBe(200);
    expect(await read(ok)).toMatchObject({
      holderKana: 'ｲﾄｳ ｾﾂｺ',
      bankName: 'ﾊﾁｼﾞﾕｳﾆ',
      branchName: 'ﾀｶﾄｵ',
      nextNewCode: 1,
    });

    const before = tableCounts(ctx);
    const bad = await ctx.json(
      'PUT',
      '/api/billing/households/5/bank-account',
      {
        bankCode: '0143',
        bankName: 'はちじゅうに',
        branchCode: '531',
        branchName: 'タカトオ',
        accountType: 1,
        accountNumber: '12345',
        holderKana: '伊藤 節子',
      },
      city,
    );
    expect(bad.status).toBe(422);
    expect((await read(bad)).error.message).toMatch(/household 5 .*"伊"/);
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('malformed input', () => {
  it('gets a 4xx and writes nothing', async () => {
    const city = await ctx.login('city');
    const before = tableCounts(ctx);
    const send = (method: string, path: string, body: string) =>
      ctx.request(path, { method, headers: { ...city, 'content-type': 'application/json' }, body });
    for (const body of ['{', 'null', '[]', '{"month":1}', '{"__proto__":{"x":1}}']) {
      expect((await send('POST', '/api/billing/closes', body)).status).toBe(400);
      expect((await send('PUT', '/api/billing/households/1/bank-account', body)).status).toBe(400);
    }
    expect((await send('PUT', '/api/billing/households/abc/bank-account', '{}')).status).toBe(400);
    const missing = await ctx.json(
      'PUT',
      '/api/billing/households/99999/bank-account',
      {
        bankCode: '0143',
        bankName: 'ｱ',
        branchCode: '001',
        branchName: 'ｱ',
        accountType: 1,
        accountNumber: '1',
        holderKana: 'ｱ',
      },
      city,
    );
    expect(missing.status).toBe(404);
    expect(tableCounts(ctx)).toEqual(before);
  });
});
