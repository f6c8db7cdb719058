import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orders } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { setOrdersStatus } from './set-orders-status';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

let seq = 0;
async function insertOrders(n: number, status: 'received' | 'preparing' = 'received'): Promise<number[]> {
  const now = ctx.clock.now();
  return (
    await ctx.db
      .insert(orders)
      .values(
        Array.from({ length: n }, () => ({
          householdId: 1,
          hamletId: 1,
          channel: 'tv' as const,
          idempotencyKey: `bulk-${++seq}`,
          status,
          deliveryDate: '2026-11-23',
          totalYen: 0,
          weightG: 0,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: orders.id })
      .all()
  ).map((o) => o.id);
}

const staff = { type: 'staff' as const, id: 4 };
const eventsOf = async (ids: number[]) =>
  await ctx.db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).all();

describe('setOrdersStatus', () => {
  it('moves every order and records one event and one audit row each, with time and actor', async () => {
    // More than one statement chunk, so the chunking is exercised too.
    const ids = await insertOrders(2300);
    const now = ctx.clock.now();
    const changed = await ctx.db.transaction(
      async (tx) => await setOrdersStatus(tx, ids, 'preparing', staff, now, { note: '締め切り' }),
    );
    expect(changed).toEqual(ids);
    const rows = await ctx.db.select().from(orders).where(inArray(orders.id, ids)).all();
    expect(new Set(rows.map((o) => o.status))).toEqual(new Set(['preparing']));
    const events = await eventsOf(ids);
    expect(events).toHaveLength(ids.length);
    expect(new Set(events.map((e) => e.orderId))).toEqual(new Set(ids));
    for (const e of events) {
      expect(e).toMatchObject({
        status: 'preparing',
        actorType: 'staff',
        actorId: 4,
        at: now,
        note: '締め切り',
      });
    }
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'order.preparing')).all();
    expect(new Set(audit.map((a) => Number(a.entityId)))).toEqual(new Set(ids));
    expect(audit[0]).toMatchObject({
      entity: 'order',
      actorType: 'staff',
      actorId: 4,
      at: now,
      detail: { from: 'received', to: 'preparing', note: '締め切り' },
    });
  });

  it('skips orders that already have the status and mode, and changes a mode in place', async () => {
    const [a, b] = (await insertOrders(2, 'preparing')) as [number, number];
    const now = ctx.clock.now();
    await ctx.db.transaction(
      async (tx) => await setOrdersStatus(tx, [a], 'preparing', staff, now, { deliveryMode: 'drone' }),
    );
    const changed = await ctx.db.transaction(
      async (tx) =>
        await setOrdersStatus(tx, [a, b], 'preparing', staff, now, {
          deliveryMode: 'car',
          deliveryModeReason: '5kgを超えるため',
        }),
    );
    expect(changed).toEqual([a, b]);
    const again = await ctx.db.transaction(
      async (tx) => await setOrdersStatus(tx, [a, b, a], 'preparing', staff, now, { deliveryMode: 'car' }),
    );
    expect(again).toEqual([]);
    const rows = await ctx.db
      .select()
      .from(orders)
      .where(inArray(orders.id, [a, b]))
      .all();
    expect(rows.map((o) => [o.status, o.deliveryMode, o.deliveryModeReason])).toEqual([
      ['preparing', 'car', '5kgを超えるため'],
      ['preparing', 'car', '5kgを超えるため'],
    ]);
    // The car reason is the event's note, so the resident's history says why.
    expect(await eventsOf([b])).toMatchObject([{ status: 'preparing', note: '5kgを超えるため' }]);
    expect(await eventsOf([a])).toHaveLength(2);
  });

  it('validates every move first: one illegal move leaves all orders untouched', async () => {
    const ids = await insertOrders(5);
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => await setOrdersStatus(tx, [ids[4]!], 'cancelled', staff, now));
    const before = (await ctx.db.select().from(auditLog).all()).length;
    await expect(
      (async () =>
        await ctx.db.transaction(
          async (tx) => await setOrdersStatus(tx, ids, 'preparing', staff, ctx.clock.now()),
        ))(),
    ).rejects.toThrow(expect.objectContaining({ status: 409, code: 'invalid_transition' }));
    const rows = await ctx.db.select().from(orders).where(inArray(orders.id, ids)).all();
    expect(rows.map((o) => o.status)).toEqual(['received', 'received', 'received', 'received', 'cancelled']);
    expect(await eventsOf(ids)).toHaveLength(1);
    expect(await ctx.db.select().from(auditLog).all()).toHaveLength(before);
  });

  it('refuses an unknown order before writing anything', async () => {
    const ids = await insertOrders(2);
    await expect(
      (async () =>
        await ctx.db.transaction(
          async (tx) => await setOrdersStatus(tx, [...ids, 999_999], 'preparing', staff, ctx.clock.now()),
        ))(),
    ).rejects.toThrow(expect.objectContaining({ status: 404 }));
    expect(await eventsOf(ids)).toHaveLength(0);
  });

  it('does nothing for an empty list', async () => {
    expect(
      await ctx.db.transaction(
        async (tx) => await setOrdersStatus(tx, [], 'preparing', staff, ctx.clock.now()),
      ),
    ).toEqual([]);
  });
});
