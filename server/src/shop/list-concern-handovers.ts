import { and, desc, eq, gte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../../db/src';
import { hamlets, handovers, households, residents, staffUsers } from '../../../db/src/schema';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { fromTokyo, tokyoDate } from '../lib/tokyo';

export interface ConcernHandover {
  handoverId: number;
  residentId: number | null;
  /** The resident who received the parcel, else the household's name. */
  residentName: string;
  householdName: string;
  hamletId: number;
  hamletName: string;
  /** Tokyo date of the handover, and the instant. */
  date: string;
  at: Date;
  note: string | null;
  staffName: string;
}

/**
 * 気になる handovers (the support worker handed the parcel over but something worried them) since
 * the Tokyo date `fromDate`, newest first, in the hamlets of `scope`: what the watching side reads.
 */
export function listConcernHandovers(db: DbOrTx, scope: StaffScope, fromDate: string): ConcernHandover[] {
  const receiver = alias(residents, 'receiver');
  return db
    .select({
      handoverId: handovers.id,
      residentId: handovers.residentId,
      residentName: receiver.name,
      householdName: households.name,
      hamletId: households.hamletId,
      hamletName: hamlets.name,
      at: handovers.at,
      note: handovers.note,
      staffName: staffUsers.name,
    })
    .from(handovers)
    .innerJoin(households, eq(households.id, handovers.householdId))
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .innerJoin(staffUsers, eq(staffUsers.id, handovers.staffId))
    .leftJoin(receiver, eq(receiver.id, handovers.residentId))
    .where(
      and(
        eq(handovers.outcome, 'concern'),
        gte(handovers.at, fromTokyo(fromDate)),
        hamletCondition(scope, households.hamletId),
      ),
    )
    .orderBy(desc(handovers.at))
    .all()
    .map((r) => ({
      ...r,
      residentName: r.residentName ?? r.householdName,
      date: tokyoDate(r.at),
    }));
}
