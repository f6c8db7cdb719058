import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { familyContacts, residents } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { randomToken, signToken } from '../lib/crypto';
import { forbidden, notFound } from '../lib/errors';
import { formatJaDateTime } from '../lib/tokyo';
import { enqueueMail } from '../mail/outbox';
import { findToken } from './acknowledge-alert';

export const FAMILY_REMINDER_LINK_TTL_MS = 24 * 3_600_000;
/** At most one verification mail per contact in this window, so the button cannot flood a mailbox. */
const RESEND_WINDOW_MS = 10 * 60_000;

/**
 * From an alert link, a family contact asks to schedule reminders. The verification link goes to
 * the contact's *registered* address (never one typed on the page), so only whoever reads that
 * mailbox can add reminders; it is signed and expires after 24 h.
 */
export async function requestFamilyReminderLink(
  db: Db,
  ackToken: string,
  config: { LINK_SECRET: string; PUBLIC_BASE_URL: string },
  now: Date,
): Promise<{ sent: boolean }> {
  const t = await findToken(db, ackToken, config.LINK_SECRET, now);
  if (t.contactId === null) throw forbidden('Only a family contact schedules reminders from this page');
  const c = await db
    .select({ contact: familyContacts, residentName: residents.name })
    .from(familyContacts)
    .innerJoin(residents, eq(residents.id, familyContacts.residentId))
    .where(and(eq(familyContacts.id, t.contactId), isNotNull(familyContacts.optInAt)))
    .get();
  if (!c) throw notFound('Contact');
  const expiresAt = new Date(now.getTime() + FAMILY_REMINDER_LINK_TTL_MS);
  const token = signToken(config.LINK_SECRET, {
    k: 'family-reminder',
    c: c.contact.id,
    n: randomToken(12),
    e: expiresAt.getTime(),
  });
  const url = `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/p/watch/family/${token}`;
  const sent = await enqueueMail(
    db,
    {
      dedupeKey: `watch:family-reminder-link:${c.contact.id}:${Math.floor(now.getTime() / RESEND_WINDOW_MS)}`,
      to: c.contact.email,
      subject: `【engawa見守り】${c.residentName}さんのリマインダー登録の確認`,
      text: [
        `${c.contact.name} 様`,
        '',
        `${c.residentName}さんのテレビに表示するリマインダーを登録するには、次のリンクを開いてください。`,
        url,
        '',
        `このリンクの有効期限: ${formatJaDateTime(expiresAt)}`,
        'お心当たりのない場合は、このメールを破棄してください。',
      ].join('\n'),
    },
    now,
  );
  if (sent) {
    await recordAudit(
      db,
      now,
      { type: 'family', id: c.contact.id },
      'watch.family_reminder.link',
      'family_contact',
      c.contact.id,
    );
  }
  return { sent };
}
