import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../../db/src';
import { households, setTopBoxes, staffUsers } from '../../../../db/src/schema';
import { ROLE_LABELS } from '../../console/nav';

export interface ActorRef {
  actorType: 'staff' | 'device' | 'family' | 'system';
  actorId: number | null;
}

/**
 * Who did it, in words: 「管理 太郎（管理者）」, 「山田家の端末」, 「家族」, 「システム」 — never
 * `support_worker（staff:6）`. Names are looked up once per page.
 */
export async function actorNamer(db: DbOrTx, refs: ActorRef[]): Promise<(ref: ActorRef) => string> {
  const staffIds = [
    ...new Set(refs.filter((r) => r.actorType === 'staff' && r.actorId !== null).map((r) => r.actorId!)),
  ];
  const staff = new Map(
    (staffIds.length
      ? await db
          .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
          .from(staffUsers)
          .where(inArray(staffUsers.id, staffIds))
          .all()
      : []
    ).map((s) => [s.id, `${s.name}（${ROLE_LABELS[s.role]}）`]),
  );
  // A device actor is a set-top box id; people know it by its household.
  const boxIds = [
    ...new Set(refs.filter((r) => r.actorType === 'device' && r.actorId !== null).map((r) => r.actorId!)),
  ];
  const homes = new Map(
    (boxIds.length
      ? await db
          .select({ id: setTopBoxes.id, name: households.name })
          .from(setTopBoxes)
          .innerJoin(households, eq(households.id, setTopBoxes.householdId))
          .where(inArray(setTopBoxes.id, boxIds))
          .all()
      : []
    ).map((h) => [h.id, `${h.name}のテレビ`]),
  );
  return (ref) => {
    switch (ref.actorType) {
      case 'staff':
        return (ref.actorId !== null && staff.get(ref.actorId)) || '職員（削除済み）';
      case 'device':
        return (ref.actorId !== null && homes.get(ref.actorId)) || 'テレビ端末';
      case 'family':
        return 'ご家族';
      default:
        return 'システム';
    }
  };
}
