import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { charges, handovers, orderLines } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { systemActor } from '../lib/audit';
import { packOrder } from './pack-order';
import { pickLine } from './pick-line';
import { setOrderStatus } from './set-order-status';
import { order, productId, TUE_0900, readJson } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

/** An order of household `box`, packed and flown (or driven) to its hall. */
async function parcelAtHall(box: number, mode: 'drone' | 'car' = 'drone') {
  const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }], { box });
  const store = { type: 'staff' as const, id: 4 };
  ctx.clock.set('2026-11-24T02:00:00Z'); // the store packs after the 11:00 cut-off
  const now = ctx.clock.now();
  for (const l of await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all()) {
    await pickLine(ctx.db, l.id, { missingQty: 0 }, store, now);
  }
  await packOrder(ctx.db, body.id, store, now);
  await ctx.db.transaction(async (tx) => {
    await setOrderStatus(tx, body.id, 'in_transit', systemActor, now, {
      deliveryMode: mode,
      deliveryModeReason: mode === 'car' ? '風が強いため' : null,
    });
    if (mode === 'drone') await setOrderStatus(tx, body.id, 'at_hall', systemActor, now);
  });
  return body.id;
}

describe('handover at the hall', () => {
  it('keeps 不在 for watching, leaves the parcel at the hall and charges nothing', async () => {
    const id = await parcelAtHall(1);
    const support = await ctx.login('support');
    const res = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${id}/handover`,
      { outcome: 'absent' },
      support,
    );
    expect(await readJson(res)).toMatchObject({ status: 'at_hall', handovers: [{ outcome: 'absent' }] });
    expect(await ctx.db.select().from(charges).where(eq(charges.orderId, id)).all()).toHaveLength(0);
    // The next try succeeds with 気になる, which is kept with its note.
    const second = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${id}/handover`,
      { outcome: 'concern', note: '足が痛そう' },
      support,
    );
    expect(await readJson(second)).toMatchObject({ status: 'delivered', statusLabel: 'お届け済み' });
    const rows = await ctx.db.select().from(handovers).where(eq(handovers.orderId, id)).all();
    expect(rows.map((r) => [r.outcome, r.note, r.householdId])).toEqual([
      ['absent', null, 1],
      ['concern', '足が痛そう', 1],
    ]);
    expect(await ctx.db.select().from(charges).where(eq(charges.orderId, id)).all()).toHaveLength(1);
  });

  it('refuses a second handover of a delivered parcel and never charges twice', async () => {
    const id = await parcelAtHall(1);
    const support = await ctx.login('support');
    await ctx.json('POST', `/api/shop/staff/orders/${id}/handover`, { outcome: 'handed' }, support);
    const counts = tableCounts(ctx);
    const again = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${id}/handover`,
      { outcome: 'handed' },
      support,
    );
    expect(again.status).toBe(409);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it("keeps a support worker to their own hamlet's parcels", async () => {
    const id = await parcelAtHall(1);
    const other = await ctx.login('support-2');
    const list = await readJson(
      await ctx.request('/api/shop/staff/hall-parcels?date=2026-11-24', { headers: other }),
    );
    expect(list.map((p: { orderId: number }) => p.orderId)).not.toContain(id);
    const res = await ctx.json('POST', `/api/shop/staff/orders/${id}/handover`, { outcome: 'handed' }, other);
    expect(res.status).toBe(404);
    const own = await ctx.login('support');
    const mine = await readJson(
      await ctx.request('/api/shop/staff/hall-parcels?date=2026-11-24', { headers: own }),
    );
    expect(mine).toMatchObject([{ orderId: id, status: 'at_hall', householdId: 1 }]);
  });

  it('hands over a parcel that came by car, recording 公民館に到着 on the way', async () => {
    const id = await parcelAtHall(1, 'car');
    const tv = await readJson(await ctx.request(`/api/shop/orders/${id}`, { headers: ctx.device(1) }));
    expect(tv).toMatchObject({ statusLabel: '配送中（車）', deliveryModeReason: '風が強いため' });
    const support = await ctx.login('support');
    const res = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${id}/handover`,
      { outcome: 'handed' },
      support,
    );
    const view = await readJson(res);
    expect(view.status).toBe('delivered');
    expect(view.events.map((e: { status: string }) => e.status)).toEqual([
      'received',
      'preparing',
      'preparing',
      'in_transit',
      'at_hall',
      'delivered',
    ]);
  });

  it('refuses a handover before the parcel has arrived', async () => {
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    const support = await ctx.login('support');
    const res = await ctx.json(
      'POST',
      `/api/shop/staff/orders/${body.id}/handover`,
      { outcome: 'handed' },
      support,
    );
    expect(res.status).toBe(409);
  });
});
