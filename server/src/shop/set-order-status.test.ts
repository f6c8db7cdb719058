import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orders } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { setOrderStatus } from './set-order-status';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

async function insertOrder(status: 'received' | 'preparing' = 'received'): Promise<number> {
  const now = ctx.clock.now();
  return (
    await ctx.db
      .insert(orders)
      .values({
        householdId: 1,
        hamletId: 1,
        channel: 'tv',
        idempotencyKey: `k-${Math.random()}`,
        status,
        deliveryDate: '2026-11-23',
        totalYen: 0,
        weightG: 0,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get()
  ).id;
}

describe('setOrderStatus', () => {
  it('records the change with its time and actor in order_events and the audit log', async () => {
    const id = await insertOrder();
    const now = ctx.clock.now();
    await ctx.db.transaction(
      async (tx) => await setOrderStatus(tx, id, 'preparing', { type: 'staff', id: 4 }, now),
    );
    const events = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).all();
    expect(events).toMatchObject([{ status: 'preparing', actorType: 'staff', actorId: 4, at: now }]);
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)))
      .all();
    expect(audit.map((a) => a.action)).toContain('order.preparing');
  });

  it('stores the delivery mode and the reason for car', async () => {
    const id = await insertOrder('preparing');
    await ctx.db.transaction(
      async (tx) =>
        await setOrderStatus(tx, id, 'in_transit', { type: 'system', id: null }, ctx.clock.now(), {
          deliveryMode: 'car',
          deliveryModeReason: '風が強いため（7 m/s）',
        }),
    );
    const o = (await ctx.db.select().from(orders).where(eq(orders.id, id)).get())!;
    expect(o).toMatchObject({
      status: 'in_transit',
      deliveryMode: 'car',
      deliveryModeReason: '風が強いため（7 m/s）',
    });
  });

  it('refuses an illegal move and writes nothing', async () => {
    const id = await insertOrder();
    await expect(
      (async () =>
        await ctx.db.transaction(
          async (tx) =>
            await setOrderStatus(tx, id, 'delivered', { type: 'system', id: null }, ctx.clock.now()),
        ))(),
    ).rejects.toThrow(expect.objectContaining({ status: 409, code: 'invalid_transition' }));
    expect(await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).all()).toHaveLength(0);
    expect((await ctx.db.select().from(orders).where(eq(orders.id, id)).get())!.status).toBe('received');
  });

  it('treats setting the same status again as a no-op', async () => {
    const id = await insertOrder('preparing');
    const changed = await ctx.db.transaction(
      async (tx) => await setOrderStatus(tx, id, 'preparing', { type: 'system', id: null }, ctx.clock.now()),
    );
    expect(changed).toBe(false);
    expect(await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).all()).toHaveLength(0);
  });

  it('never leaves a cancelled or delivered order', async () => {
    const id = await insertOrder();
    await ctx.db.transaction(
      async (tx) => await setOrderStatus(tx, id, 'cancelled', { type: 'device', id: 1 }, ctx.clock.now()),
    );
    await expect(
      (async () =>
        await ctx.db.transaction(
          async (tx) => await setOrderStatus(tx, id, 'preparing', { type: 'staff', id: 1 }, ctx.clock.now()),
        ))(),
    ).rejects.toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });
});
