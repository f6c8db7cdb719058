import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { familyContacts, households, residents, staffUsers } from '../../../db/src/schema';
import type { RecipientTier } from './detector/types';

export interface Recipient {
  /** 'contact:3' or 'staff:5': stable, used in dedupe keys and the console. */
  key: string;
  name: string;
  email: string | null;
  contactId: number | null;
  staffId: number | null;
}

export interface ResidentPeople {
  residentName: string;
  hamletId: number;
  contacts: Recipient[];
  supportWorkers: Recipient[];
}

export async function residentPeople(db: DbOrTx, residentId: number): Promise<ResidentPeople | null> {
  const r = await db
    .select({ name: residents.name, hamletId: households.hamletId })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, residentId))
    .get();
  if (!r) return null;
  const contacts = (
    await db
      .select()
      .from(familyContacts)
      .where(and(eq(familyContacts.residentId, residentId), isNotNull(familyContacts.optInAt)))
      .orderBy(asc(familyContacts.priority))
      .all()
  ).map((c) => ({ key: `contact:${c.id}`, name: c.name, email: c.email, contactId: c.id, staffId: null }));
  const supportWorkers = (
    await db
      .select()
      .from(staffUsers)
      .where(
        and(
          eq(staffUsers.role, 'support_worker'),
          eq(staffUsers.hamletId, r.hamletId),
          isNull(staffUsers.disabledAt),
        ),
      )
      .all()
  ).map((s) => ({ key: `staff:${s.id}`, name: s.name, email: s.email, contactId: null, staffId: s.id }));
  return { residentName: r.name, hamletId: r.hamletId, contacts, supportWorkers };
}

/** Who a tier means for this resident; city staff are told on the console, not by email. */
export function recipientsFor(people: ResidentPeople, tier: RecipientTier): Recipient[] {
  switch (tier.kind) {
    case 'support_worker':
      return people.supportWorkers;
    case 'contact':
      return people.contacts.slice(tier.index, tier.index + 1);
    case 'contact_and_support_worker':
      return [...people.contacts.slice(tier.index, tier.index + 1), ...people.supportWorkers];
    case 'city_staff':
      return [{ key: 'console:city_staff', name: '市職員', email: null, contactId: null, staffId: null }];
  }
}
