import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import {
  hamlets,
  households,
  residents,
  watchAcks,
  watchAlerts,
  watchAlertSteps,
  watchState,
} from '../../../db/src/schema';
import { hamletCondition, type StaffScope } from '../auth/scope';
import { PeopleNames } from './people-names';
import type { AckAction } from './acknowledge-alert';

export const TIER_JA: Record<string, string> = {
  support_worker: '集落支援員',
  contact: 'ご家族',
  contact_and_support_worker: 'ご家族と集落支援員',
  city_staff: '市職員',
};
export const TIERS = Object.keys(TIER_JA);

export const CONDITION_JA: Record<string, string> = {
  no_activity: '活動なし',
  rhythm_break: 'いつもの生活リズムと違う',
  check_unanswered: '画面の確認に応答なし',
  tv_on_no_keys: 'テレビがついたまま操作なし',
};

export interface OpenAlert {
  alertId: number;
  residentId: number;
  residentName: string;
  householdName: string;
  phone: string | null;
  hamletId: number;
  hamletName: string;
  condition: string;
  reasonJa: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  /** The tier the alert has reached (its latest step). */
  tier: string;
  step: number;
  lastSignAt: Date | null;
  steps: { at: Date; tier: string; recipients: string[] }[];
  acks: { at: Date; action: AckAction; by: string; staffId: number | null }[];
}

export interface AlertFilter {
  hamletId?: number | undefined;
  tier?: string | undefined;
}

/**
 * Open alerts in the hamlets of `scope`, with names (never ids) and the household's phone:
 * unanswered ones first, then the furthest escalated, then the newest.
 */
export async function listOpenAlerts(
  db: DbOrTx,
  scope: StaffScope,
  filter: AlertFilter = {},
): Promise<OpenAlert[]> {
  const rows = await db
    .select({
      a: watchAlerts,
      residentName: residents.name,
      householdName: households.name,
      phone: households.phone,
      hamletId: households.hamletId,
      hamletName: hamlets.name,
      lastSignAt: watchState.lastSignAt,
    })
    .from(watchAlerts)
    .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .leftJoin(watchState, eq(watchState.residentId, watchAlerts.residentId))
    .where(
      and(
        isNull(watchAlerts.closedAt),
        hamletCondition(scope, households.hamletId),
        filter.hamletId !== undefined ? eq(households.hamletId, filter.hamletId) : undefined,
      ),
    )
    .all();
  const ids = rows.map((r) => r.a.id);
  const steps = ids.length
    ? await db
        .select()
        .from(watchAlertSteps)
        .where(inArray(watchAlertSteps.alertId, ids))
        .orderBy(asc(watchAlertSteps.step))
        .all()
    : [];
  const acks = ids.length
    ? await db
        .select()
        .from(watchAcks)
        .where(inArray(watchAcks.alertId, ids))
        .orderBy(asc(watchAcks.at))
        .all()
    : [];
  const names = await PeopleNames.load(db, {
    recipients: steps.flatMap((s) => s.recipients),
    staffIds: acks.flatMap((k) => (k.staffId !== null ? [k.staffId] : [])),
    tokenIds: acks.flatMap((k) => (k.tokenId !== null ? [k.tokenId] : [])),
  });
  const out = rows.map((r): OpenAlert => {
    const own = steps.filter((s) => s.alertId === r.a.id);
    return {
      alertId: r.a.id,
      residentId: r.a.residentId,
      residentName: r.residentName,
      householdName: r.householdName,
      phone: r.phone,
      hamletId: r.hamletId,
      hamletName: r.hamletName,
      condition: r.a.condition,
      reasonJa: r.a.reasonJa,
      openedAt: r.a.openedAt,
      acknowledgedAt: r.a.acknowledgedAt,
      tier: own.at(-1)?.tier ?? 'support_worker',
      step: r.a.step,
      lastSignAt: r.lastSignAt === null ? null : new Date(r.lastSignAt),
      steps: own.map((s) => ({
        at: s.at,
        tier: s.tier,
        recipients: s.recipients.map((k) => names.recipient(k)),
      })),
      acks: acks
        .filter((k) => k.alertId === r.a.id)
        .map((k) => ({ at: k.at, action: k.action, by: names.acker(k), staffId: k.staffId })),
    };
  });
  return out
    .filter((a) => filter.tier === undefined || a.tier === filter.tier)
    .sort(
      (x, y) =>
        Number(x.acknowledgedAt !== null) - Number(y.acknowledgedAt !== null) ||
        y.step - x.step ||
        y.openedAt.getTime() - x.openedAt.getTime(),
    );
}
