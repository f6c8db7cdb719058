import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orders } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { setOrdersStatus } from './set-orders-status';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => ctx.close());

let seq = 0;
function insertOrders(n: number, status: 'received' | 'preparing' = 'received'): number[] {
  const now = ctx.clock.now();
  return ctx.db
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
    .map((o) => o.id);
}

const staff = { type: 'staff' as const, id: 4 };
const eventsOf = (ids: number[]) =>
  ctx.db.select().from(orderEvents).where(inArray(orderEvents.orderId, ids)).all();

describe('setOrdersStatus', () => {
  it('moves every order and records one event and one audit row each, with time and actor', () => {
    // More than one statement chunk, so the chunking is exercised too.
    const ids = insertOrders(2300);
    const now = ctx.clock.now();
    const changed = ctx.db.transaction((tx) =>
      setOrdersStatus(tx, ids, 'preparing', staff, now, { note: '締め切り' }),
    );
    expect(changed).toEqual(ids);
    const rows = ctx.db.select().from(orders).where(inArray(orders.id, ids)).all();
    expect(new Set(rows.map((o) => o.status))).toEqual(new Set(['preparing']));
    const events = eventsOf(ids);
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
    const audit = ctx.db.select().from(auditLog).where(eq(auditLog.action, 'order.preparing')).all();
    expect(new Set(audit.map((a) => Number(a.entityId)))).toEqual(new Set(ids));
    expect(audit[0]).toMatchObject({
      entity: 'order',
      actorType: 'staff',
      actorId: 4,
      at: now,
      detail: { from: 'received', to: 'preparing', note: '締め切り' },
    });
  });

  it('skips orders that already have the status and mode, and changes a mode in place', () => {
    const [a, b] = insertOrders(2, 'preparing') as [number, number];
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => setOrdersStatus(tx, [a], 'preparing', staff, now, { deliveryMode: 'drone' }));
    const changed = ctx.db.transaction((tx) =>
      setOrdersStatus(tx, [a, b], 'preparing', staff, now, {
        deliveryMode: 'car',
        deliveryModeReason: '5kgを超えるため',
      }),
    );
    expect(changed).toEqual([a, b]);
    const again = ctx.db.transaction((tx) =>
      setOrdersStatus(tx, [a, b, a], 'preparing', staff, now, { deliveryMode: 'car' }),
    );
    expect(again).toEqual([]);
    const rows = ctx.db
      .select()
      .from(orders)
      .where(inArray(orders.id, [a, b]))
      .all();
    expect(rows.map((o) => [o.status, o.deliveryMode, o.deliveryModeReason])).toEqual([
      ['preparing', 'car', '5kgを超えるため'],
      ['preparing', 'car', '5kgを超えるため'],
    ]);
    // The car reason is the event's note, so the resident's history says why.
    expect(eventsOf([b])).toMatchObject([{ status: 'preparing', note: '5kgを超えるため' }]);
    expect(eventsOf([a])).toHaveLength(2);
  });

  it('validates every move first: one illegal move leaves all orders untouched', () => {
    const ids = insertOrders(5);
    const now = ctx.clock.now();
    ctx.db.transaction((tx) => setOrdersStatus(tx, [ids[4]!], 'cancelled', staff, now));
    const before = ctx.db.select().from(auditLog).all().length;
    expect(() =>
      ctx.db.transaction((tx) => setOrdersStatus(tx, ids, 'preparing', staff, ctx.clock.now())),
    ).toThrow(expect.objectContaining({ status: 409, code: 'invalid_transition' }));
    const rows = ctx.db.select().from(orders).where(inArray(orders.id, ids)).all();
    expect(rows.map((o) => o.status)).toEqual(['received', 'received', 'received', 'received', 'cancelled']);
    expect(eventsOf(ids)).toHaveLength(1);
    expect(ctx.db.select().from(auditLog).all()).toHaveLength(before);
  });

  it('refuses an unknown order before writing anything', () => {
    const ids = insertOrders(2);
    expect(() =>
      ctx.db.transaction((tx) => setOrdersStatus(tx, [...ids, 999_999], 'preparing', staff, ctx.clock.now())),
    ).toThrow(expect.objectContaining({ status: 404 }));
    expect(eventsOf(ids)).toHaveLength(0);
  });

  it('does nothing for an empty list', () => {
    expect(ctx.db.transaction((tx) => setOrdersStatus(tx, [], 'preparing', staff, ctx.clock.now()))).toEqual(
      [],
    );
  });
});
