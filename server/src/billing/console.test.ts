import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { addCharge, closeTime } from './testing';
import { readDebitFile } from './zengin/read-debit-file';
import { simulateBankResult } from './zengin/simulate-bank-result';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext({ now: closeTime('2026-11') });
});
afterEach(() => ctx.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('billing console', () => {
  it('close, statement print view, debit file download and result upload', async () => {
    addCharge(ctx.sqlite, {
      householdId: 1,
      kind: 'goods',
      amountYen: 892,
      sellerId: 1,
      orderId: 7,
      month: '2026-10',
      description: 'りんご 3個',
    });
    const city = await ctx.login('city');

    const home = await ctx.request('/console/billing', { headers: city });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('value="2026-10"');

    const closed = await ctx.request('/console/billing/close', {
      ...form({ month: '2026-10' }),
      headers: { ...city, ...form({}).headers },
    });
    expect(closed.status).toBe(303);
    expect(closed.headers.get('location')).toMatch(/^\/console\/billing\/months\/2026-10\?done=/);

    const month = await (await ctx.request('/console/billing/months/2026-10', { headers: city })).text();
    expect(month).toContain('OK   statements = ledger');
    const statementId = /\/console\/billing\/statements\/(\d+)/.exec(month)![1];
    const invoice = await (
      await ctx.request(`/console/billing/statements/${statementId}`, { headers: city })
    ).text();
    expect(invoice).toContain('登録番号 T1234567890123');
    expect(invoice).toContain('りんご 3個');
    expect(invoice).toContain('8% ※');
    expect(invoice).toContain('@media print');

    const exported = await ctx.request('/console/billing/months/2026-10/export', {
      method: 'POST',
      headers: city,
    });
    expect(exported.status).toBe(303);
    const download = await ctx.request('/console/billing/months/2026-10/debit.txt', { headers: city });
    expect(download.headers.get('content-type')).toContain('Shift_JIS');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(readDebitFile(bytes, { kind: 'request' }).records.length).toBeGreaterThan(0);

    const csv = await (
      await ctx.request('/console/billing/months/2026-10/cable.csv', { headers: city })
    ).text();
    expect(csv.split('\n')[0]).toContain('cable_customer_no');
    expect(csv).toContain('りんご 3個');

    // The result comes back on the debit day, 27 November, never before it.
    ctx.clock.set('2026-11-27T06:00:00Z');
    const again = await ctx.login('city');
    const body = new FormData();
    body.set('file', new File([new Uint8Array(simulateBankResult(bytes, new Map()))], 'result.txt'));
    const imported = await ctx.request('/console/billing/results', { method: 'POST', headers: again, body });
    expect(imported.status).toBe(303);
    expect(decodeURIComponent(imported.headers.get('location')!)).toMatch(/振替不能 0件/);
  });

  it('records a bank account typed in hiragana, and shows the error for a kanji name', async () => {
    const city = await ctx.login('city');
    const fields = {
      bankCode: '0143',
      bankName: 'はちじゅうに',
      branchCode: '531',
      branchName: 'たかとお',
      accountType: '1',
      accountNumber: '7654321',
      holderKana: 'いとう　せつこ',
    };
    const post = (f: Record<string, string>) =>
      ctx.request('/console/billing/households/5/bank-account', {
        method: 'POST',
        headers: { ...city, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(f).toString(),
      });
    expect((await post(fields)).status).toBe(303);
    const page = await (
      await ctx.request('/console/billing/households/5/bank-account', { headers: city })
    ).text();
    expect(page).toContain('ｲﾄｳ ｾﾂｺ');
    expect(page).toContain('有効');
    const bad = await post({ ...fields, holderKana: '伊藤 節子' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('contains &quot;伊&quot;');
  });

  it('is only for city staff', async () => {
    const driver = await ctx.login('driver');
    expect((await ctx.request('/console/billing', { headers: driver })).status).toBe(403);
    expect((await ctx.request('/console/billing')).status).toBe(303);
  });
});
