import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { familyContacts, residents } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { verifySignedToken } from '../lib/crypto';
import { AppError, notFound } from '../lib/errors';
import { createReminder, type CreateReminderInput } from './reminders';

export interface FamilyLink {
  contactId: number;
  contactName: string;
  residentId: number;
  residentName: string;
  expiresAt: Date;
}

/** Who the verified link belongs to; 404 if forged or the contact opted out, 410 once expired. */
export async function verifyFamilyReminderLink(
  db: Db,
  token: string,
  secret: string,
  now: Date,
): Promise<FamilyLink> {
  const p = verifySignedToken<{ k: string; c: number; e: number }>(secret, token);
  if (!p || p.k !== 'family-reminder' || typeof p.c !== 'number') throw notFound('Link');
  if (p.e <= now.getTime()) throw new AppError(410, 'link_expired', 'このリンクは有効期限が切れています。');
  const c = await db
    .select({ contact: familyContacts, residentName: residents.name })
    .from(familyContacts)
    .innerJoin(residents, eq(residents.id, familyContacts.residentId))
    .where(and(eq(familyContacts.id, p.c), isNotNull(familyContacts.optInAt)))
    .get();
  if (!c) throw notFound('Link');
  return {
    contactId: c.contact.id,
    contactName: c.contact.name,
    residentId: c.contact.residentId,
    residentName: c.residentName,
    expiresAt: new Date(p.e),
  };
}

/** A verified family contact schedules a reminder for their resident (never for anyone else). */
export async function addFamilyReminder(
  db: Db,
  token: string,
  input: Omit<CreateReminderInput, 'residentId'>,
  secret: string,
  now: Date,
) {
  const link = await verifyFamilyReminderLink(db, token, secret, now);
  return await db.transaction(async (tx) => {
    const r = await createReminder(
      tx,
      { ...input, residentId: link.residentId },
      { contactId: link.contactId },
      now,
    );
    await recordAudit(
      tx,
      now,
      { type: 'family', id: link.contactId },
      'watch.reminder.add',
      'watch_reminder',
      r.id,
    );
    return r;
  });
}
