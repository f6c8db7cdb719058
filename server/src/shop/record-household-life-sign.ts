import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { residents } from '../../../db/src/schema';
import { recordLifeSign } from '../watch/record-life-sign';

/**
 * An order from the box or a parcel handed over in person shows the household is well; the box
 * and the door are shared, so every resident of the household gets the sign (watching ignores
 * residents it does not watch).
 */
export async function recordHouseholdLifeSign(
  tx: DbOrTx,
  householdId: number,
  kind: 'order' | 'handover',
  at: Date,
): Promise<void> {
  for (const r of await tx
    .select({ id: residents.id })
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .all()) {
    await recordLifeSign(tx, r.id, kind, at);
  }
}
