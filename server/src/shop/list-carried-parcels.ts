import { and, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { handovers, orders } from '../../../db/src/schema';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { hallParcelsWhere, type HallParcel } from './list-hall-parcels';

/**
 * Parcels of an earlier delivery day still waiting at the hall because the resident was out
 * (a 不在 handover, not handed since): they are carried to `date`'s hall page as 「前日から」.
 */
export async function listCarriedParcels(db: DbOrTx, date: string, scope: StaffScope): Promise<HallParcel[]> {
  const absent = db
    .selectDistinct({ orderId: handovers.orderId })
    .from(handovers)
    .where(eq(handovers.outcome, 'absent'));
  return await hallParcelsWhere(
    db,
    and(
      lt(orders.deliveryDate, date),
      eq(orders.status, 'at_hall'),
      inArray(orders.id, absent),
      hamletCondition(scope, orders.hamletId),
    ),
  );
}
