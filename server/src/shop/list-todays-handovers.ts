import type { DbOrTx } from '../../../db/src';
import type { StaffScope } from '../auth/scope';
import { tokyoDate } from '../lib/tokyo';
import { listHallParcels, type HallParcel } from './list-hall-parcels';

/** The parcels to hand over at the halls of `scope` on the Tokyo day of `now` (for the watch side). */
export async function listTodaysHandovers(db: DbOrTx, scope: StaffScope, now: Date): Promise<HallParcel[]> {
  return await listHallParcels(db, tokyoDate(now), scope);
}
