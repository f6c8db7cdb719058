import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { familyContacts, staffUsers, watchAckTokens } from '../../../db/src/schema';
import { ROLE_LABELS } from '../console/nav';

/**
 * People as staff read them: 「山田 花子（集落支援員）」, 「山田 健一（長男）」, never `staff:6`.
 * Built once per page from the keys the alert steps store ('contact:3', 'staff:5', 'console:…').
 */
export class PeopleNames {
  private constructor(
    private readonly staff: Map<number, string>,
    private readonly contacts: Map<number, string>,
    private readonly tokens: Map<number, { staffId: number | null; contactId: number | null }>,
  ) {}

  static async load(
    db: DbOrTx,
    keys: { recipients?: string[]; staffIds?: number[]; tokenIds?: number[] },
  ): Promise<PeopleNames> {
    const tokenIds = [...new Set(keys.tokenIds ?? [])];
    const tokens = new Map(
      tokenIds.length
        ? (
            await db
              .select({
                id: watchAckTokens.id,
                staffId: watchAckTokens.staffId,
                contactId: watchAckTokens.contactId,
              })
              .from(watchAckTokens)
              .where(inArray(watchAckTokens.id, tokenIds))
              .all()
          ).map((t) => [t.id, t] as const)
        : [],
    );
    const staffIds = new Set(keys.staffIds ?? []);
    const contactIds = new Set<number>();
    for (const k of keys.recipients ?? []) {
      const [kind, id] = k.split(':');
      if (kind === 'staff') staffIds.add(Number(id));
      if (kind === 'contact') contactIds.add(Number(id));
    }
    for (const t of tokens.values()) {
      if (t.staffId !== null) staffIds.add(t.staffId);
      if (t.contactId !== null) contactIds.add(t.contactId);
    }
    const staff = new Map(
      staffIds.size
        ? (
            await db
              .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
              .from(staffUsers)
              .where(inArray(staffUsers.id, [...staffIds]))
              .all()
          ).map((s) => [s.id, `${s.name}（${ROLE_LABELS[s.role]}）`] as const)
        : [],
    );
    const contacts = new Map(
      contactIds.size
        ? (
            await db
              .select({ id: familyContacts.id, name: familyContacts.name, relation: familyContacts.relation })
              .from(familyContacts)
              .where(inArray(familyContacts.id, [...contactIds]))
              .all()
          ).map((c) => [c.id, `${c.name}（${c.relation}）`] as const)
        : [],
    );
    return new PeopleNames(staff, contacts, tokens);
  }

  staffName(id: number): string {
    return this.staff.get(id) ?? '職員';
  }

  /** A recipient key of an alert step. */
  recipient(key: string): string {
    const [kind, id] = key.split(':');
    if (kind === 'staff') return this.staffName(Number(id));
    if (kind === 'contact') return this.contacts.get(Number(id)) ?? 'ご家族';
    return '市職員（コンソール）';
  }

  /** Who made an acknowledgement: the staff member on the console, or whoever the link was for. */
  acker(ack: { staffId: number | null; tokenId: number | null }): string {
    if (ack.staffId !== null) return this.staffName(ack.staffId);
    const t = ack.tokenId !== null ? this.tokens.get(ack.tokenId) : undefined;
    if (t?.staffId != null) return this.staffName(t.staffId);
    if (t?.contactId != null) return this.contacts.get(t.contactId) ?? 'ご家族';
    return '—';
  }
}
