import { and, desc, eq, gte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../../db/src';
import { hamlets, handovers, households, orders, residents, staffUsers } from '../../../db/src/schema';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { fromTokyo, tokyoDate } from '../lib/tokyo';

export interface ConcernHandover {
  handoverId: number;
  orderId: number;
  householdId: number;
  householdName: string;
  /** The resident who received the parcel, when known (links to their watch page). */
  residentId: number | null;
  /** The resident who received the parcel, else the household's name. */
  residentName: string;
  hamletId: number;
  hamletName: string;
  /** Tokyo date of the handover. */
  date: string;
  at: Date;
  /** What the support worker noticed, e.g. 「足を引きずっていた」. */
  note: string | null;
  staffName: string;
}

/**
 * 気になる handovers since `fromDate` (a Tokyo date), newest first, in the hamlets of `scope`:
 * what the support worker noticed at the hall, for the watch pages of support workers and the city.
 */
export async function listConcernHandovers(
  db: DbOrTx,
  scope: StaffScope,
  fromDate: string,
): Promise<ConcernHandover[]> {
  const staff = alias(staffUsers, 'handover_staff');
  return (
    await db
      .select({
        handoverId: handovers.id,
        orderId: handovers.orderId,
        householdId: handovers.householdId,
        householdName: households.name,
        residentId: handovers.residentId,
        residentName: residents.name,
        hamletId: orders.hamletId,
        hamletName: hamlets.name,
        at: handovers.at,
        note: handovers.note,
        staffName: staff.name,
      })
      .from(handovers)
      .innerJoin(orders, eq(orders.id, handovers.orderId))
      .innerJoin(households, eq(households.id, handovers.householdId))
      .innerJoin(hamlets, eq(hamlets.id, orders.hamletId))
      .innerJoin(staff, eq(staff.id, handovers.staffId))
      .leftJoin(residents, eq(residents.id, handovers.residentId))
      .where(
        and(
          eq(handovers.outcome, 'concern'),
          gte(handovers.at, fromTokyo(fromDate)),
          hamletCondition(scope, orders.hamletId),
        ),
      )
      .orderBy(desc(handovers.at), desc(handovers.id))
      .all()
  ).map((r) => ({ ...r, residentName: r.residentName ?? r.householdName, date: tokyoDate(r.at) }));
}
