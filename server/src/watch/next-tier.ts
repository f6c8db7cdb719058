import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { watchAlerts, watchSettings } from '../../../db/src/schema';
import { residentPeople } from './alert-recipients';
import { tierLadder } from './detector/tier-ladder';
import type { RecipientTier, WatchCondition, WatchSettings } from './detector/types';

/** Whom the next step tells, in the words of a mail to the family. */
export function nextTierJa(tier: RecipientTier | undefined): string | null {
  switch (tier?.kind) {
    case undefined:
      return null;
    case 'support_worker':
      return '集落支援員';
    case 'contact':
      return '次のご家族の連絡先';
    case 'contact_and_support_worker':
      return '次のご家族の連絡先と集落支援員';
    case 'city_staff':
      return '市の担当職員';
  }
}

/** The step after `step` of this alert's ladder, if the ladder has one. */
export function nextTierOf(
  condition: WatchCondition,
  settings: WatchSettings,
  step: number,
): RecipientTier | undefined {
  return tierLadder(condition, settings)[step + 1];
}

/**
 * For the family's page: who is told next and when, only while the alert is open, unanswered and
 * its ladder really has a next step; null otherwise (so the page promises nothing that will not happen).
 */
export async function nextStepOfAlert(
  db: DbOrTx,
  alertId: number,
): Promise<{ whoJa: string; at: Date } | null> {
  const a = await db.select().from(watchAlerts).where(eq(watchAlerts.id, alertId)).get();
  if (!a || a.closedAt || a.acknowledgedAt) return null;
  const s = await db.select().from(watchSettings).where(eq(watchSettings.residentId, a.residentId)).get();
  const people = await residentPeople(db, a.residentId);
  if (!s || !s.enabled || !people) return null;
  const settings: WatchSettings = {
    enabled: s.enabled,
    enabledAt: s.consentAt.getTime(),
    thresholdMinutes: s.thresholdMinutes,
    noKeyMinutes: s.noKeyMinutes,
    quietStartMinute: s.quietStartMinute,
    quietEndMinute: s.quietEndMinute,
    contactCount: people.contacts.length,
    hasSupportWorker: people.supportWorkers.length > 0,
    supportWorkerFirst: s.supportWorkerFirst,
    escalateAfterMinutes: s.escalateAfterMinutes,
  };
  const whoJa = nextTierJa(nextTierOf(a.condition, settings, a.step));
  if (!whoJa) return null;
  return { whoJa, at: new Date(a.stepAt.getTime() + s.escalateAfterMinutes * 60_000) };
}
