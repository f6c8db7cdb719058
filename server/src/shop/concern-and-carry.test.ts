import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { households, orderLines, staffUsers } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { UNLIMITED_SCOPE } from '../auth/scope';
import { systemActor } from '../lib/audit';
import { listCarriedParcels } from './list-carried-parcels';
import { listConcernHandovers } from './list-concern-handovers';
import { packOrder } from './pack-order';
import { pickLine } from './pick-line';
import { recordHandover } from './record-handover';
import { setOrderStatus } from './set-order-status';
import { order, productId, TUE_0900 } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUE_0900, seed: true });
});
afterEach(() => ctx.close());

let worker: { type: 'staff'; id: number };
beforeEach(async () => {
  const id = (await ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, 'support')).get())!.id;
  worker = { type: 'staff', id };
});

async function parcelAtHall(box: number) {
  const { body } = await order(ctx, [{ productId: await productId(ctx, 'たまご 10個'), qty: 1 }], { box });
  ctx.clock.set('2026-11-24T02:00:00Z');
  const now = ctx.clock.now();
  for (const l of await ctx.db.select().from(orderLines).where(eq(orderLines.orderId, body.id)).all())
    await pickLine(ctx.db, l.id, { missingQty: 0 }, systemActor, now);
  await packOrder(ctx.db, body.id, systemActor, now);
  await ctx.db.transaction(async (tx) => {
    await setOrderStatus(tx, body.id, 'in_transit', systemActor, now, { deliveryMode: 'drone' });
    await setOrderStatus(tx, body.id, 'at_hall', systemActor, now);
  });
  return body.id;
}

describe('気になる handovers and parcels carried over', () => {
  it('refuses 気になる without a note and writes nothing', async () => {
    const id = await parcelAtHall(1);
    const counts = tableCounts(ctx);
    await expect(
      (async () =>
        await recordHandover(ctx.db, id, { outcome: 'concern', note: '  ' }, worker, ctx.clock.now()))(),
    ).rejects.toThrow(/メモ/);
    expect(tableCounts(ctx)).toEqual(counts);
  });

  it("lists 気になる notes with the household, hamlet, date and the worker's name, within scope", async () => {
    const id = await parcelAtHall(1);
    await recordHandover(
      ctx.db,
      id,
      { outcome: 'concern', note: '足を引きずっていた' },
      worker,
      ctx.clock.now(),
    );
    const hamletId = (await ctx.db.select().from(households).where(eq(households.id, 1)).get())!.hamletId;
    const rows = await listConcernHandovers(ctx.db, UNLIMITED_SCOPE, '2026-11-24');
    expect(rows).toMatchObject([
      { orderId: id, householdId: 1, hamletId, date: '2026-11-24', note: '足を引きずっていた' },
    ]);
    expect(rows[0]!.staffName).toBeTruthy();
    expect(rows[0]!.hamletName).toBeTruthy();
    expect(
      await listConcernHandovers(ctx.db, { sellerIds: null, hamletIds: [hamletId + 100] }, '2026-11-24'),
    ).toEqual([]);
    expect(await listConcernHandovers(ctx.db, UNLIMITED_SCOPE, '2026-11-25')).toEqual([]);
  });

  it("carries yesterday's 不在 parcel to today's hall, until it is handed over", async () => {
    const id = await parcelAtHall(1);
    expect(await listCarriedParcels(ctx.db, '2026-11-25', UNLIMITED_SCOPE)).toEqual([]);
    await recordHandover(ctx.db, id, { outcome: 'absent' }, worker, ctx.clock.now());
    expect(await listCarriedParcels(ctx.db, '2026-11-24', UNLIMITED_SCOPE)).toEqual([]); // its own day
    expect(await listCarriedParcels(ctx.db, '2026-11-25', UNLIMITED_SCOPE)).toMatchObject([
      { orderId: id, deliveryDate: '2026-11-24', status: 'at_hall' },
    ]);
    ctx.clock.set('2026-11-25T01:00:00Z');
    await recordHandover(ctx.db, id, { outcome: 'handed' }, worker, ctx.clock.now());
    expect(await listCarriedParcels(ctx.db, '2026-11-25', UNLIMITED_SCOPE)).toEqual([]);
  });
});
