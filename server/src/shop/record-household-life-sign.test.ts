import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderLines, residents, watchState } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { systemActor } from '../lib/audit';
import { enrollResident } from '../watch/enroll-resident';
import { packOrder } from './pack-order';
import { pickLine } from './pick-line';
import { setOrderStatus } from './set-order-status';
import { order, productId, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

const lastSign = async (residentId: number) =>
  (
    await ctx.db.select().from(watchState).where(eq(watchState.residentId, residentId)).get()
  )?.lastSignAt?.valueOf() ?? null;

describe('life signs for watching', () => {
  it('counts an order and an in-person handover as life signs, but not 不在', async () => {
    const resident = (await ctx.db.select().from(residents).where(eq(residents.householdId, 1)).get())!;
    await enrollResident(ctx.db, { residentId: resident.id }, 1, ctx.clock.now());
    const t0 = ctx.clock.now().getTime();
    const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }]);
    expect(Number(await lastSign(resident.id))).toBe(t0);

    const store = { type: 'staff' as const, id: 4 };
    ctx.clock.set('2026-11-24T02:00:00Z'); // the store packs after the 11:00 cut-off
    for (const l of await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all()) {
      await pickLine(ctx.db, l.id, { missingQty: 0 }, store, ctx.clock.now());
    }
    await packOrder(ctx.db, body.id, store, ctx.clock.now());
    await ctx.db.transaction(async (tx) => {
      await setOrderStatus(tx, body.id, 'in_transit', systemActor, ctx.clock.now(), {
        deliveryMode: 'drone',
      });
      await setOrderStatus(tx, body.id, 'at_hall', systemActor, ctx.clock.now());
    });
    const support = await ctx.login('support');
    ctx.clock.set('2026-11-24T08:00:00Z');
    await ctx.json('POST', `/api/shop/staff/orders/${body.id}/handover`, { outcome: 'absent' }, support);
    expect(Number(await lastSign(resident.id))).toBe(t0);
    ctx.clock.set('2026-11-24T09:00:00Z');
    await ctx.json('POST', `/api/shop/staff/orders/${body.id}/handover`, { outcome: 'handed' }, support);
    expect(Number(await lastSign(resident.id))).toBe(new Date('2026-11-24T09:00:00Z').getTime());
  });
});
