import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, residents } from '../../../db/src/schema';
import { notFound } from '../lib/errors';

export const HouseholdViewSchema = z
  .object({
    household: z.object({ id: z.number(), name: z.string() }),
    residents: z.array(z.object({ id: z.number(), name: z.string(), kana: z.string() })),
    hamlet: z.object({ id: z.number(), name: z.string(), hallName: z.string() }),
  })
  .openapi('HouseholdView');

export type HouseholdView = z.infer<typeof HouseholdViewSchema>;

/** What the TV needs to greet its household; no dates of birth or eligibility leave the server. */
export async function getHouseholdView(db: DbOrTx, householdId: number): Promise<HouseholdView> {
  const h = await db
    .select({
      id: households.id,
      name: households.name,
      hamletId: hamlets.id,
      hamletName: hamlets.name,
      hallName: hamlets.hallName,
    })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, householdId))
    .get();
  if (!h) throw notFound('Household');
  const rs = await db
    .select({ id: residents.id, name: residents.name, kana: residents.kana })
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .orderBy(residents.id)
    .all();
  return {
    household: { id: h.id, name: h.name },
    residents: rs,
    hamlet: { id: h.hamletId, name: h.hamletName, hallName: h.hallName },
  };
}
