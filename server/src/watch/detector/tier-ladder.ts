import type { RecipientTier, WatchCondition, WatchSettings } from './types';

/**
 * Who each alert step goes to. Earlier, less certain concerns (a broken rhythm, an unanswered
 * on-screen check) go first to the hamlet's support worker, who can look in within minutes and
 * knows who went to their daughter's; the fixed thresholds go straight to the first contact.
 */
export function tierLadder(condition: WatchCondition, settings: WatchSettings): RecipientTier[] {
  const ladder: RecipientTier[] = [];
  const soft = condition === 'rhythm_break' || condition === 'check_unanswered';
  if (soft && settings.hasSupportWorker) ladder.push({ kind: 'support_worker' });
  if (settings.contactCount > 0) ladder.push({ kind: 'contact', index: 0 });
  if (settings.contactCount > 1) {
    ladder.push(
      settings.hasSupportWorker
        ? { kind: 'contact_and_support_worker', index: 1 }
        : { kind: 'contact', index: 1 },
    );
  } else if (settings.hasSupportWorker && !soft) ladder.push({ kind: 'support_worker' });
  ladder.push({ kind: 'city_staff' });
  return ladder;
}
