import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { hamlets, orders, type OrderStatus } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { setOrderStatus } from '../shop/set-order-status';

const STEPS = {
  /** The kei car leaves the port with the hall's car parcels: 配送中, the car reason stays visible. */
  dispatch: { from: 'preparing', to: 'in_transit', note: '車で出発' },
  /** The car reached the hall; the volunteer hands over from there as with a drone. */
  arrive: { from: 'in_transit', to: 'at_hall', note: '車で公民館に到着' },
} as const satisfies Record<string, { from: OrderStatus; to: OrderStatus; note: string }>;

export type CarStep = keyof typeof STEPS;

/** Moves every car parcel of a hall on a delivery day one step; packed parcels only when leaving. */
export async function moveCarParcels(
  db: Db,
  deliveryDate: string,
  hamletId: number,
  step: CarStep,
  actor: Actor,
  now: Date,
) {
  const { from, to, note } = STEPS[step];
  return await db.transaction(async (tx) => {
    const hall = await tx.select({ id: hamlets.id }).from(hamlets).where(eq(hamlets.id, hamletId)).get();
    if (!hall) throw notFound('Landing site');
    const rows = (
      await tx
        .select({ id: orders.id, packedAt: orders.packedAt })
        .from(orders)
        .where(
          and(
            eq(orders.deliveryDate, deliveryDate),
            eq(orders.hamletId, hamletId),
            eq(orders.deliveryMode, 'car'),
            eq(orders.status, from),
          ),
        )
        .all()
    ).filter((o) => step !== 'dispatch' || o.packedAt !== null);
    if (rows.length === 0) throw conflict('no_car_parcels', 'この公民館宛ての対象の荷物はありません');
    for (const o of rows) await setOrderStatus(tx, o.id, to, actor, now, { note });
    await recordAudit(tx, now, actor, `drone.car.${step}`, 'drone_day', `${deliveryDate}:${hamletId}`, {
      orders: rows.length,
    });
    return { orderIds: rows.map((o) => o.id), status: to };
  });
}
