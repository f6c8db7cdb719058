import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { addCharge, closeTime } from './testing';
import { readDebitFile } from './zengin/read-debit-file';
import { simulateBankResult } from './zengin/simulate-bank-result';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: closeTime('2026-11') });
});
afterEach(() => ctx.close());

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** The flash message a redirect carries (its cookie), as the next page shows it. */
const flashOf = (res: Response) => {
  const m = /engawa_flash=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  return m
    ? (JSON.parse(decodeURIComponent(decodeURIComponent(m[1]!))) as { kind: string; text: string })
    : null;
};

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
    expect(closed.headers.get('location')).toBe('/console/billing/months/2026-10');
    expect(flashOf(closed)).toEqual({ kind: 'notice', text: '2026年10月を締めました' });

    const month = await (await ctx.request('/console/billing/months/2026-10', { headers: city })).text();
    expect(month).toContain('2026年10月分の請求');
    expect(month).toContain('請求書の合計 ＝ 請求台帳の合計');
    expect(month).toContain('一致');
    expect(month).not.toContain('不一致');
    // No English state or enum value reaches the page.
    expect(month).not.toMatch(/>\s*(OK|FAIL|paid|failed|pending|requested)\b/);
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
    expect(imported.headers.get('location')).toBe('/console/billing/months/2026-10');
    expect(flashOf(imported)?.text).toMatch(
      /2026年10月分の振替結果を取り込みました: 振替済 \d+件、振替不能 0件/,
    );
    const after = await (await ctx.request('/console/billing/months/2026-10', { headers: again })).text();
    expect(after).toContain('振替済');
    expect(after).not.toContain('振替結果を待っています');
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
    const badPage = await bad.text();
    expect(badPage).toContain('「伊」は全銀データに使えません');
    // What was typed stays in the form.
    expect(badPage).toContain('value="伊藤 節子"');
    const wrongCode = await post({ ...fields, bankCode: '143' });
    expect(wrongCode.status).toBe(400);
    const wrongPage = await wrongCode.text();
    expect(wrongPage).toContain('4桁の数字で入力してください');
    expect(wrongPage).toMatch(/id="bank-bankCode" name="bankCode" value="143"[^>]*aria-invalid="true"/);
    expect(wrongPage).toContain('value="はちじゅうに"');
  });

  it('keeps a mistyped month in the close form and says what is wrong', async () => {
    const city = await ctx.login('city');
    const before = tableCounts(ctx);
    const res = await ctx.request('/console/billing/close', {
      method: 'POST',
      headers: { ...city, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ month: '2026-13' }).toString(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/name="month" value="2026-13"[^>]*aria-invalid="true"/);
    expect(html).toContain('月は年-月（例：2026-12）で入れてください');
    expect(html).not.toContain('type="month"');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('is only for city staff', async () => {
    const driver = await ctx.login('driver');
    expect((await ctx.request('/console/billing', { headers: driver })).status).toBe(403);
    expect((await ctx.request('/console/billing')).status).toBe(303);
  });
});
