import type { RecipientTier, WatchCondition, WatchSettings } from './types';

/**
 * Who each alert step goes to. With `supportWorkerFirst`, the hamlet's support worker hears
 * first: they live minutes away, can phone or look in, and usually know who went to their
 * daughter's, so most false concerns end there instead of in a family's inbox.
 */
export function tierLadder(condition: WatchCondition, settings: WatchSettings): RecipientTier[] {
  const ladder: RecipientTier[] = [];
  const local = settings.hasSupportWorker && (settings.supportWorkerFirst || condition === 'rhythm_break');
  if (local) ladder.push({ kind: 'support_worker' });
  if (settings.contactCount > 0) ladder.push({ kind: 'contact', index: 0 });
  if (settings.contactCount > 1) {
    ladder.push(
      settings.hasSupportWorker
        ? { kind: 'contact_and_support_worker', index: 1 }
        : { kind: 'contact', index: 1 },
    );
  } else if (settings.hasSupportWorker && !local) ladder.push({ kind: 'support_worker' });
  ladder.push({ kind: 'city_staff' });
  return ladder;
}
