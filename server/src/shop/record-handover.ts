import { eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/src';
import { HANDOVER_OUTCOMES, handovers, orders, residents } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { inHamletScope, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { conflict, notFound, unprocessable } from '../lib/errors';
import { getOrderView, type OrderView } from './get-order-view';
import { recordHouseholdLifeSign } from './record-household-life-sign';
import { setOrderStatus } from './set-order-status';
import { writeOrderCharges } from './write-order-charges';

export const HandoverInput = z
  .object({
    /** handed = 元気そう / 手渡し, concern = 手渡ししたが気になる, absent = 不在 (not handed). */
    outcome: z.enum(HANDOVER_OUTCOMES),
    note: z.string().trim().max(500).optional(),
    residentId: z.number().int().positive().optional(),
  })
  .openapi('ShopHandover');
export type HandoverInput = z.infer<typeof HandoverInput>;

export const HANDOVER_OUTCOME_JA = { handed: '元気そう', concern: '気になる', absent: '不在' } as const;

export const CONCERN_NOTE_REQUIRED =
  '「気になる」のときは、気づいたことをメモに書いてください（例：足を引きずっていた）';

/**
 * A support worker hands a parcel to the resident in person (the welfare check). 不在 keeps the
 * parcel at the hall for another try; handed and 気になる deliver it and write the goods charges.
 * A car parcel that went straight to the hamlet passes through 公民館に到着 so the history stays whole.
 */
export async function recordHandover(
  db: Db,
  orderId: number,
  input: HandoverInput,
  actor: Actor,
  now: Date,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<OrderView> {
  // The note is what the support worker's page and the city see of a 気になる handover: without it
  // the concern reaches nobody, so it is part of the record, not an option.
  if (input.outcome === 'concern' && !input.note?.trim())
    throw unprocessable('concern_needs_note', CONCERN_NOTE_REQUIRED);
  await db.transaction(async (tx) => {
    const o = await tx.select().from(orders).where(eq(orders.id, orderId)).get();
    if (!o || !inHamletScope(scope, o.hamletId)) throw notFound('Order');
    const arrivedByCar = o.status === 'in_transit' && o.deliveryMode === 'car';
    if (o.status !== 'at_hall' && !arrivedByCar) {
      throw conflict('not_at_hall', 'この荷物はまだ公民館に届いていないか、もうお渡し済みです');
    }
    if (input.residentId !== undefined) {
      const r = await tx
        .select({ householdId: residents.householdId })
        .from(residents)
        .where(eq(residents.id, input.residentId))
        .get();
      if (!r || r.householdId !== o.householdId) throw notFound('Resident');
    }
    if (arrivedByCar) await setOrderStatus(tx, orderId, 'at_hall', actor, now, { note: '車で到着' });
    const note = input.note
      ? `${HANDOVER_OUTCOME_JA[input.outcome]}：${input.note}`
      : HANDOVER_OUTCOME_JA[input.outcome];
    const h = await tx
      .insert(handovers)
      .values({
        orderId,
        householdId: o.householdId,
        residentId: input.residentId ?? o.residentId,
        staffId: staffIdOf(actor),
        at: now,
        outcome: input.outcome,
        note: input.note ?? null,
      })
      .returning({ id: handovers.id })
      .get();
    await recordAudit(tx, now, actor, `handover.${input.outcome}`, 'order', orderId, {
      handoverId: h.id,
      note: input.note,
    });
    if (input.outcome !== 'absent') {
      await setOrderStatus(tx, orderId, 'delivered', actor, now, { note });
      await writeOrderCharges(tx, orderId, now);
      await recordHouseholdLifeSign(tx, o.householdId, 'handover', now);
    }
  });
  return await getOrderView(db, orderId, scope);
}

function staffIdOf(actor: Actor): number {
  if (actor.type !== 'staff' || actor.id === null)
    throw conflict('staff_only', 'お渡しの記録は職員だけができます');
  return actor.id;
}
