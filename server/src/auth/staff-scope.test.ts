import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderLines } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { systemActor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import { order, productId, readJson, TUE_0900 } from '../shop/testing';

/**
 * A seller's staff see and act on their seller's lines only; a support worker on their hamlet
 * only — on the API and the console. Households 1–3 live in hamlet 1 (support), 4–6 in hamlet 2
 * (support-2); seller 1 is the supermarket (store), seller 2 the drugstore (store-drug).
 */
let ctx: TestContext;
let market: number; // supermarket only, hamlet 1
let drug: number; // drugstore only, hamlet 2
let mixed: number; // both sellers, hamlet 1
const lineIds = async (orderId: number, sellerId?: number) =>
  (await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all())
    .filter((l) => sellerId === undefined || l.sellerId === sellerId)
    .map((l) => l.id);

beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900 });
  const eggs = await productId(ctx, 'たまご 10個');
  const medicine = await productId(ctx, 'かぜ薬（第2類医薬品） 24錠');
  market = (await order(ctx, [{ productId: eggs, qty: 1 }], { box: 1 })).body.id;
  drug = (await order(ctx, [{ productId: medicine, qty: 1 }], { box: 4 })).body.id;
  mixed = (
    await order(
      ctx,
      [
        { productId: eggs, qty: 2 },
        { productId: medicine, qty: 1 },
      ],
      { box: 2 },
    )
  ).body.id;
});
afterEach(() => ctx.close());

type Login =
  'store' | 'store-drug' | 'support' | 'support-2' | 'callcentre' | 'drone' | 'admin' | 'city' | 'driver';
const ROLES: Login[] = [
  'store',
  'store-drug',
  'support',
  'support-2',
  'callcentre',
  'drone',
  'admin',
  'city',
  'driver',
];

describe('staff scope: reading orders', () => {
  it('answers each role × order as its scope allows, and shows a store only its own lines', async () => {
    // Expected status of GET /api/shop/staff/orders/:id, and the sellers of the lines shown.
    const expected: Record<Login, [number, number[]?][]> = {
      store: [[200, [1]], [404], [200, [1]]],
      'store-drug': [[404], [200, [2]], [200, [2]]],
      support: [[200, [1]], [404], [200, [1, 2]]],
      'support-2': [[404], [200, [2]], [404]],
      callcentre: [
        [200, [1]],
        [200, [2]],
        [200, [1, 2]],
      ],
      drone: [
        [200, [1]],
        [200, [2]],
        [200, [1, 2]],
      ],
      admin: [
        [200, [1]],
        [200, [2]],
        [200, [1, 2]],
      ],
      city: [[403], [403], [403]],
      driver: [[403], [403], [403]],
    };
    const cookies = new Map<Login, Record<string, string>>();
    for (const role of ROLES) cookies.set(role, await ctx.login(role));
    const before = tableCounts(ctx);
    for (const role of ROLES) {
      const cookie = cookies.get(role)!;
      for (const [i, id] of [market, drug, mixed].entries()) {
        const [status, sellers] = expected[role][i]!;
        const res = await ctx.request(`/api/shop/staff/orders/${id}`, { headers: cookie });
        expect(res.status, `${role} reads order ${['market', 'drug', 'mixed'][i]}`).toBe(status);
        if (status !== 200) continue;
        const view = await readJson(res);
        expect([...new Set(view.lines.map((l: { sellerId: number }) => l.sellerId))]).toEqual(sellers);
        const lineTotal = view.lines.reduce((s: number, l: { amountYen: number }) => s + l.amountYen, 0);
        expect(view.totalYen).toBe(lineTotal);
      }
    }
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('shows a support worker the hall parcels of their own hamlet only', async () => {
    ctx.clock.set('2026-11-24T02:00:00Z');
    await ctx.db.transaction(async (tx) => {
      for (const id of [market, drug, mixed]) {
        await setOrderStatus(tx, id, 'preparing', systemActor, ctx.clock.now());
        await setOrderStatus(tx, id, 'in_transit', systemActor, ctx.clock.now(), { deliveryMode: 'drone' });
      }
    });
    const ids = async (login: Login) =>
      (
        await readJson(
          await ctx.request('/api/shop/staff/hall-parcels?date=2026-11-24', {
            headers: await ctx.login(login),
          }),
        )
      ).map((p: { orderId: number }) => p.orderId);
    expect(await ids('support')).toEqual([market, mixed]);
    expect(await ids('support-2')).toEqual([drug]);
    expect(await ids('admin')).toEqual([market, mixed, drug]);
  });

  it('shows an account with no seller or hamlet nothing, not everything', async () => {
    ctx.sqlite.prepare("UPDATE staff_users SET seller_id = NULL WHERE login_id = 'store-drug'").run();
    ctx.sqlite.prepare("UPDATE staff_users SET hamlet_id = NULL WHERE login_id = 'support'").run();
    const drugStaff = await ctx.login('store-drug');
    for (const id of [market, drug, mixed]) {
      expect((await ctx.request(`/api/shop/staff/orders/${id}`, { headers: drugStaff })).status).toBe(404);
    }
    const list = await readJson(
      await ctx.request('/api/shop/staff/picking-list?date=2026-11-24', { headers: drugStaff }),
    );
    expect(list.sellers).toEqual([]);
    const support = await ctx.login('support');
    expect((await ctx.request(`/api/shop/staff/orders/${market}`, { headers: support })).status).toBe(404);
  });
});

describe('staff scope: acting on orders', () => {
  /** Every refusal is 403/404 and writes nothing. */
  async function refused(login: Login, method: string, path: string, body: unknown, status: number) {
    const cookie = await ctx.login(login);
    const before = tableCounts(ctx);
    const res = await ctx.json(method, path, body, cookie);
    expect(res.status, `${login} ${method} ${path}`).toBe(status);
    expect(tableCounts(ctx), `${login} ${method} ${path} wrote`).toEqual(before);
  }

  it('lets a store pick and pack only its own seller’s parcels (API)', async () => {
    for (const line of await lineIds(market))
      await refused('store-drug', 'POST', `/api/shop/staff/lines/${line}/pick`, {}, 404);
    for (const line of await lineIds(drug))
      await refused('store', 'POST', `/api/shop/staff/lines/${line}/pick`, {}, 404);
    await refused('store', 'POST', `/api/shop/staff/lines/${(await lineIds(mixed, 2))[0]}/pick`, {}, 404);
    await refused(
      'store-drug',
      'POST',
      `/api/shop/staff/lines/${(await lineIds(mixed, 1))[0]}/pick`,
      {},
      404,
    );
    for (const login of ['support', 'callcentre', 'city', 'driver'] as const) {
      await refused(login, 'POST', `/api/shop/staff/lines/${(await lineIds(market))[0]}/pick`, {}, 403);
    }

    const store = await ctx.login('store');
    const drugStaff = await ctx.login('store-drug');
    for (const line of [...(await lineIds(market)), ...(await lineIds(mixed, 1))]) {
      expect((await ctx.json('POST', `/api/shop/staff/lines/${line}/pick`, {}, store)).status).toBe(200);
    }
    for (const line of [...(await lineIds(drug)), ...(await lineIds(mixed, 2))]) {
      expect((await ctx.json('POST', `/api/shop/staff/lines/${line}/pick`, {}, drugStaff)).status).toBe(200);
    }
    // Packing waits for the cut-off (the resident may cancel until then): move past 11:00 Tokyo.
    ctx.clock.set('2026-11-24T02:00:00Z');
    await refused('store-drug', 'POST', `/api/shop/staff/orders/${market}/pack`, {}, 404);
    await refused('store', 'POST', `/api/shop/staff/orders/${drug}/pack`, {}, 404);
    await refused('support', 'POST', `/api/shop/staff/orders/${market}/pack`, {}, 403);
    expect((await ctx.json('POST', `/api/shop/staff/orders/${market}/pack`, {}, store)).status).toBe(200);
    expect((await ctx.json('POST', `/api/shop/staff/orders/${drug}/pack`, {}, drugStaff)).status).toBe(200);
    const packed = await ctx.json('POST', `/api/shop/staff/orders/${mixed}/pack`, {}, drugStaff);
    expect(packed.status).toBe(200);
    // The answer shows the drugstore its own part of the mixed parcel only.
    expect((await readJson(packed)).lines.map((l: { sellerId: number }) => l.sellerId)).toEqual([2]);
  });

  it('lets a support worker record handovers in their own hamlet only (API)', async () => {
    ctx.clock.set('2026-11-24T02:00:00Z');
    await ctx.db.transaction(async (tx) => {
      for (const id of [market, drug, mixed]) {
        await setOrderStatus(tx, id, 'preparing', systemActor, ctx.clock.now());
        await setOrderStatus(tx, id, 'in_transit', systemActor, ctx.clock.now(), { deliveryMode: 'drone' });
        await setOrderStatus(tx, id, 'at_hall', systemActor, ctx.clock.now());
      }
    });
    const handover = (id: number) => `/api/shop/staff/orders/${id}/handover`;
    await refused('support-2', 'POST', handover(market), { outcome: 'handed' }, 404);
    await refused('support-2', 'POST', handover(mixed), { outcome: 'handed' }, 404);
    await refused('support', 'POST', handover(drug), { outcome: 'handed' }, 404);
    await refused('store', 'POST', handover(market), { outcome: 'handed' }, 403);
    const ok = await ctx.json('POST', handover(drug), { outcome: 'handed' }, await ctx.login('support-2'));
    expect(ok.status).toBe(200);
    expect(
      (await ctx.json('POST', handover(market), { outcome: 'absent' }, await ctx.login('support'))).status,
    ).toBe(200);
  });
});

describe('staff scope on the console', () => {
  const post = async (login: Login, path: string, fields: Record<string, string>) => {
    const cookie = await ctx.login(login);
    const mid = tableCounts(ctx);
    const res = await ctx.request(path, {
      method: 'POST',
      headers: { ...cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { res, mid, after: tableCounts(ctx) };
  };

  it('refuses another seller’s lines and parcels with 404 and writes nothing', async () => {
    for (const [login, path] of [
      ['store-drug', `/console/shop/picking/lines/${(await lineIds(market))[0]}`],
      ['store', `/console/shop/picking/lines/${(await lineIds(mixed, 2))[0]}`],
      ['store-drug', `/console/shop/picking/orders/${market}/pack`],
      ['store', `/console/shop/picking/orders/${drug}/pack`],
    ] as const) {
      const { res, mid, after } = await post(login, path, { missingQty: '0' });
      expect(res.status, `${login} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(after).toEqual(mid);
    }
  });

  it('shows a store only its own lines on the picking page', async () => {
    const page = await (
      await ctx.request('/console/shop/picking?date=2026-11-24', { headers: await ctx.login('store-drug') })
    ).text();
    for (const id of [...(await lineIds(drug)), ...(await lineIds(mixed, 2))])
      expect(page).toContain(`data-line="${id}"`);
    for (const id of [...(await lineIds(market)), ...(await lineIds(mixed, 1))])
      expect(page).not.toContain(`data-line="${id}"`);
  });

  it('refuses a handover in another hamlet with 404 and lists only the own hamlet’s parcels', async () => {
    ctx.clock.set('2026-11-24T02:00:00Z');
    await ctx.db.transaction(async (tx) => {
      for (const id of [market, drug]) {
        await setOrderStatus(tx, id, 'preparing', systemActor, ctx.clock.now());
        await setOrderStatus(tx, id, 'in_transit', systemActor, ctx.clock.now(), { deliveryMode: 'drone' });
        await setOrderStatus(tx, id, 'at_hall', systemActor, ctx.clock.now());
      }
    });
    const { res, mid, after } = await post('support-2', `/console/shop/hall/orders/${market}/handover`, {
      outcome: 'handed',
    });
    expect(res.status).toBe(404);
    expect(after).toEqual(mid);
    const page = await (
      await ctx.request('/console/shop/hall?date=2026-11-24', { headers: await ctx.login('support-2') })
    ).text();
    expect(page).toContain(`data-order="${drug}"`);
    expect(page).not.toContain(`data-order="${market}"`);
  });
});
