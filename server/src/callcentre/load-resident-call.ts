import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { familyContacts, hamlets, households, residents } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { ageOn, tokyoDate } from '../lib/tokyo';
import { listHouseholdOrders } from '../shop';
import { getBookingOptions, listHouseholdRides } from '../taxi';
import { summariseResidents } from '../watch';

/**
 * Everything the operator needs while the resident is on the phone, read from each feature
 * through what its index.ts exports. The resident named in the URL comes first; the rest of the
 * household follows, since a call about one is often about the other.
 */
export async function loadResidentCall(db: Db, residentId: number, now: Date) {
  const me = await db.select().from(residents).where(eq(residents.id, residentId)).get();
  if (!me) throw notFound('Resident');
  const household = (await db
    .select({
      id: households.id,
      name: households.name,
      address: households.address,
      phone: households.phone,
      cableCustomerNo: households.cableCustomerNo,
      hamletName: hamlets.name,
      hallName: hamlets.hallName,
    })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, me.householdId))
    .get())!;
  const today = tokyoDate(now);
  const members = (
    await db
      .select()
      .from(residents)
      .where(eq(residents.householdId, household.id))
      .orderBy(asc(residents.id))
      .all()
  )
    .sort((a, b) => Number(b.id === residentId) - Number(a.id === residentId))
    .map((r) => ({
      id: r.id,
      name: r.name,
      kana: r.kana,
      age: ageOn(r.birthDate, today),
      licenceReturned: r.licenceReturned,
      disabled: r.disabled,
    }));
  const contacts = (
    await db
      .select({
        name: familyContacts.name,
        relation: familyContacts.relation,
        email: familyContacts.email,
        phone: familyContacts.phone,
      })
      .from(familyContacts)
      .where(
        inArray(
          familyContacts.residentId,
          members.map((m) => m.id),
        ),
      )
      .orderBy(asc(familyContacts.residentId), asc(familyContacts.priority))
      .all()
  )
    // The register keeps one row per resident a relative watches over; the operator calls a person.
    .reduce<{ name: string; relation: string; emails: string[]; phones: string[] }[]>((people, f) => {
      let same = people.find((p) => p.name === f.name && p.relation === f.relation);
      if (!same) people.push((same = { name: f.name, relation: f.relation, emails: [], phones: [] }));
      if (!same.emails.includes(f.email)) same.emails.push(f.email);
      if (f.phone && !same.phones.includes(f.phone)) same.phones.push(f.phone);
      return people;
    }, []);
  const watch = new Map(
    (
      await summariseResidents(
        db,
        members.map((m) => m.id),
        now,
      )
    ).map((w) => [w.residentId, w]),
  );
  const orders = await listHouseholdOrders(db, household.id, 6);
  return {
    resident: members[0]!,
    household,
    members: members.map((m) => ({ ...m, watch: watch.get(m.id)! })),
    contacts,
    orders,
    rides: await listHouseholdRides(db, household.id, now),
    rideOptions: await getBookingOptions(db, household.id, now),
  };
}
export type ResidentCall = Awaited<ReturnType<typeof loadResidentCall>>;
