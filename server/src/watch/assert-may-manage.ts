import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { households, residents } from '../../../db/src/schema';
import { inHamletScope, staffScope } from '../auth/scope';
import { forbidden, notFound } from '../lib/errors';
import type { StaffAuth } from '../lib/router';

/** City staff manage anyone's watching; a support worker only the residents of their hamlet. */
export async function assertMayManage(
  db: DbOrTx,
  staff: Pick<StaffAuth, 'role' | 'hamletId'>,
  residentId: number,
) {
  const r = await db
    .select({ hamletId: households.hamletId })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, residentId))
    .get();
  if (!r) throw notFound('Resident');
  if (!inHamletScope(staffScope(staff), r.hamletId)) {
    throw forbidden('A support worker manages the residents of their own hamlet');
  }
}
