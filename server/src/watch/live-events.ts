import { eq } from 'drizzle-orm';
import { households, residents, watchAlerts } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { publishLive } from '../live/publish';

/**
 * After a watch pass committed: announce the alerts it opened (those opened at `now`) to the
 * watch boards of their hamlet, where they ring and stay until acknowledged.
 */
export async function publishOpenedAlerts(deps: Deps, now: Date): Promise<void> {
  try {
    const rows = await deps.db
      .select({ id: watchAlerts.id, hamletId: households.hamletId })
      .from(watchAlerts)
      .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(eq(watchAlerts.openedAt, now))
      .all();
    for (const r of rows)
      publishLive(deps, {
        topic: 'watch',
        type: 'alert.opened',
        hamletId: r.hamletId,
        data: { alertId: r.id },
      });
  } catch (err) {
    deps.logger.error({ err }, 'opened alerts not published');
  }
}

/**
 * After an answer committed (console or family email link): every open watch board of the alert's
 * hamlet redraws, so an answered alert stops asking on every screen.
 */
export async function publishAlertAcknowledged(deps: Deps, alertId: number, action: string): Promise<void> {
  try {
    const row = await deps.db
      .select({ hamletId: households.hamletId })
      .from(watchAlerts)
      .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(eq(watchAlerts.id, alertId))
      .get();
    if (row)
      publishLive(deps, {
        topic: 'watch',
        type: 'alert.acknowledged',
        hamletId: row.hamletId,
        data: { alertId, action },
      });
  } catch (err) {
    deps.logger.error({ err }, 'acknowledged alert not published');
  }
}
