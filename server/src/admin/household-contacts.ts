import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { familyContacts, households, residents } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { OptionalPhoneSchema } from './phone';

export const HouseholdPhoneInput = z.object({ phone: OptionalPhoneSchema });

export const FamilyContactInput = z.object({
  residentId: z.coerce
    .number({ error: '見守る方を選んでください' })
    .int()
    .positive('見守る方を選んでください'),
  name: z.string().trim().min(1, '名前を入れてください').max(40, '名前は40文字までです'),
  relation: z.string().trim().min(1, '続柄を入れてください（例：長女）').max(20, '続柄は20文字までです'),
  email: z.email({ error: 'メールアドレスの形が正しくありません' }).max(120),
  phone: OptionalPhoneSchema,
  priority: z.coerce
    .number({ error: '連絡の順番は数字で入れてください' })
    .int('連絡の順番は整数で入れてください')
    .min(1, '連絡の順番は1〜9です')
    .max(9, '連絡の順番は1〜9です'),
});
export type FamilyContactInput = z.infer<typeof FamilyContactInput>;

export async function setHouseholdPhone(
  db: Db,
  actor: Actor,
  householdId: number,
  phone: string | undefined,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const r = await tx
      .update(households)
      .set({ phone: phone ?? null })
      .where(eq(households.id, householdId))
      .run();
    if (r.changes !== 1) throw notFound('Household');
    await recordAudit(tx, now, actor, 'household.phone', 'household', householdId);
  });
}

/**
 * Adds or changes a family contact of a resident of this household. The order of contact is
 * unique per resident, so two contacts never both claim "first".
 */
export async function saveFamilyContact(
  db: Db,
  actor: Actor,
  householdId: number,
  contactId: number | null,
  input: FamilyContactInput,
  now: Date,
): Promise<number> {
  return await db.transaction(async (tx) => {
    const resident = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.id, input.residentId), eq(residents.householdId, householdId)))
      .get();
    if (!resident) throw notFound('Resident');
    const clash = await tx
      .select({ id: familyContacts.id })
      .from(familyContacts)
      .where(
        and(
          eq(familyContacts.residentId, input.residentId),
          eq(familyContacts.priority, input.priority),
          contactId === null ? undefined : ne(familyContacts.id, contactId),
        ),
      )
      .get();
    if (clash)
      throw conflict('priority_taken', `連絡の順番${input.priority}はこの方の別の連絡先が使っています`);
    const values = {
      residentId: input.residentId,
      name: input.name,
      relation: input.relation,
      email: input.email,
      phone: input.phone ?? null,
      priority: input.priority,
    };
    let id: number;
    if (contactId === null) {
      id = (
        await tx
          .insert(familyContacts)
          .values({ ...values, createdAt: now })
          .returning({ id: familyContacts.id })
          .get()
      ).id;
      await recordAudit(tx, now, actor, 'family_contact.create', 'family_contact', id, {
        residentId: input.residentId,
      });
    } else {
      const current = await tx
        .select({ residentId: familyContacts.residentId })
        .from(familyContacts)
        .innerJoin(residents, eq(residents.id, familyContacts.residentId))
        .where(and(eq(familyContacts.id, contactId), eq(residents.householdId, householdId)))
        .get();
      if (!current) throw notFound('Family contact');
      await tx.update(familyContacts).set(values).where(eq(familyContacts.id, contactId)).run();
      id = contactId;
      await recordAudit(tx, now, actor, 'family_contact.update', 'family_contact', id, {
        residentId: input.residentId,
      });
    }
    return id;
  });
}
