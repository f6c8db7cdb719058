import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, boxPairingRequests } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { sha256 } from '../lib/crypto';
import { isBoxCode, normalizeBoxCode, pairByCode, PAIRING_TTL_MS } from './box-pairing';
import { unpairBox } from './boxes';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const CODE = '79927398'; // 7992739 + Luhn check digit 8
const SECRET = 'box-secret-0123456789abcdef';
const admin = { type: 'staff' as const, id: 1 };
/** Household 3 loses its demo box, so it can be paired as new. */
const freeHousehold = async () => {
  const box = ctx.sqlite.prepare('SELECT id FROM set_top_boxes WHERE household_id = 3').get() as {
    id: number;
  };
  await unpairBox(ctx.db, admin, box.id, ctx.clock.now());
  return 3;
};
const announce = (code = CODE, secret = SECRET) =>
  ctx.json('POST', '/api/tv/pairing', { code, secretHash: sha256(secret) });
const claim = (code = CODE, secret = SECRET) => ctx.json('POST', '/api/tv/pairing/claim', { code, secret });

describe('box pairing by number', () => {
  it('checks the check digit and normalizes what staff type', () => {
    expect(isBoxCode(CODE)).toBe(true);
    expect(isBoxCode('79927397')).toBe(false);
    expect(isBoxCode('97927398')).toBe(false);
    expect(normalizeBoxCode('７９９２ ７３９８')).toBe(CODE);
    expect(normalizeBoxCode(' 7992-7398 ')).toBe(CODE);
  });

  it('refuses a number whose check digit is wrong, without writing', async () => {
    const before = tableCounts(ctx);
    const res = await announce('79927397');
    expect(res.status).toBe(400);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('is pending until staff pair it, then gives the token once to the holder of the secret', async () => {
    const household = await freeHousehold();
    expect((await announce()).status).toBe(200);
    expect((await announce()).status).toBe(200); // idempotent re-announce
    expect(await ctx.db.select().from(boxPairingRequests).all()).toHaveLength(1);
    expect(await (await claim()).json()).toEqual({ status: 'pending' });

    await pairByCode(ctx.db, admin, '7992 7398', household, null, ctx.clock.now());
    expect(
      await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'box.pair_by_code')).all(),
    ).toHaveLength(1);

    const wrong = await claim(CODE, 'someone-else-secret-0000');
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(await wrong.json())).not.toContain('token"');

    const res = await claim();
    const body = (await res.json()) as { status: string; token: string };
    expect(body.status).toBe('paired');
    const me = await ctx.request('/api/tv/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { household: { id: number } }).household.id).toBe(household);

    // Spent: a second claim (or a replay) gets nothing.
    expect((await claim()).status).toBe(404);
  });

  it('refuses another secret for a number still pending', async () => {
    await announce();
    const res = await announce(CODE, 'another-box-secret-123456');
    expect(res.status).toBe(409);
  });

  it('forgets a pending number after it expires', async () => {
    const household = await freeHousehold();
    await announce();
    ctx.clock.advance(PAIRING_TTL_MS + 1000);
    expect((await claim()).status).toBe(404);
    const before = tableCounts(ctx);
    await expect(
      (async () => await pairByCode(ctx.db, admin, CODE, household, null, ctx.clock.now()))(),
    ).rejects.toThrow(/見つかりません/);
    expect(tableCounts(ctx)).toEqual(before);
    // Another box may now announce the number afresh.
    expect((await announce(CODE, 'another-box-secret-123456')).status).toBe(200);
  });

  it('keeps the household rules of pairBox and changes nothing when refused', async () => {
    await announce();
    const before = tableCounts(ctx);
    // Household 2 still has its demo box: pairing as new is refused, the number stays pending.
    await expect(
      (async () => await pairByCode(ctx.db, admin, CODE, 2, null, ctx.clock.now()))(),
    ).rejects.toThrow(/交換/);
    await expect(
      (async () => await pairByCode(ctx.db, admin, CODE, 9999, null, ctx.clock.now()))(),
    ).rejects.toThrow(/not found/);
    await expect(
      (async () => await pairByCode(ctx.db, admin, '12345678', 2, null, ctx.clock.now()))(),
    ).rejects.toThrow(/番号が正しくありません/);
    expect(tableCounts(ctx)).toEqual(before);
    expect(await (await claim()).json()).toEqual({ status: 'pending' });
  });

  it('pairs from the admin console form, with a Japanese error for an unknown number', async () => {
    const household = await freeHousehold();
    await announce();
    const cookie = await ctx.login('admin');
    const post = (code: string) =>
      ctx.request('/console/admin/boxes/pair-code', {
        method: 'POST',
        headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ code, householdId: String(household) }).toString(),
      });
    const before = tableCounts(ctx);
    const bad = await post('0000 0000');
    expect(bad.status).toBe(303);
    expect(tableCounts(ctx)).toEqual(before);
    const page = await ctx.request('/console/admin/boxes', {
      headers: { cookie: `${cookie.cookie}; ${bad.headers.get('set-cookie')?.split(';')[0] ?? ''}` },
    });
    expect(await page.text()).toContain('テレビの番号で登録');
    expect((await post('７９９２ ７３９８')).status).toBe(303);
    expect(((await (await claim()).json()) as { status: string }).status).toBe('paired');
  });
});
