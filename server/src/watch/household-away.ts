import { z } from '@hono/zod-openapi';
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { withSqlite, type Db, type DbOrTx } from '../../../db/src';
import { residents, watchAway, watchState } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { tokyoDate } from '../lib/tokyo';
import { recordTvActivity } from './record-activity';

export const HouseholdAwaySchema = z
  .object({
    /** The away period running now, or null; `untilDate` is the Tokyo date it ends. */
    away: z
      .object({ until: z.string(), untilDate: z.string().openapi({ example: '2026-11-26' }) })
      .nullable(),
    /** The server's Tokyo date: the box counts return dates from it, not from its own clock. */
    today: z.string().openapi({ example: '2026-11-23' }),
  })
  .openapi('HouseholdAway');

export type HouseholdAway = z.infer<typeof HouseholdAwaySchema>;

async function runningAway(db: DbOrTx, householdId: number, now: Date) {
  return await db
    .select({ id: watchAway.id, residentId: watchAway.residentId, untilAt: watchAway.untilAt })
    .from(watchAway)
    .innerJoin(residents, eq(residents.id, watchAway.residentId))
    .where(
      and(
        eq(residents.householdId, householdId),
        isNull(watchAway.cancelledAt),
        lte(watchAway.fromAt, now),
        gt(watchAway.untilAt, now),
      ),
    )
    .all();
}

/**
 * Whether the household is away now, and until when: the latest end among its residents' running
 * away periods (one 「留守にします」 writes one per watched resident, all ending together).
 */
export async function getHouseholdAway(db: DbOrTx, householdId: number, now: Date): Promise<HouseholdAway> {
  const rows = await runningAway(db, householdId, now);
  const today = tokyoDate(now);
  if (rows.length === 0) return { away: null, today };
  const until = new Date(Math.max(...rows.map((r) => r.untilAt.getTime())));
  return { away: { until: until.toISOString(), untilDate: tokyoDate(until) }, today };
}

/**
 * 「帰りました」 on the TV: ends every running away period of the household now (whoever entered
 * it: the resident is at home and says so). Silence is counted from now, and the press itself is
 * a key press on the TV, so it is recorded as one. Pressing it again ends nothing and changes
 * nothing but the key press; a period that has not begun yet (staff planned a stay) is left alone.
 */
export async function endAwayFromTv(db: Db, householdId: number, boxId: number, now: Date): Promise<number> {
  return await db.transaction(async (tx) => {
    const rows = await runningAway(tx, householdId, now);
    if (rows.length > 0) {
      await tx
        .update(watchAway)
        .set({ untilAt: now })
        .where(
          inArray(
            watchAway.id,
            rows.map((r) => r.id),
          ),
        )
        .run();
      await tx
        .update(watchState)
        .set({ nextCheckAt: null })
        .where(
          inArray(
            watchState.residentId,
            rows.map((r) => r.residentId),
          ),
        )
        .run();
      await recordAudit(tx, now, { type: 'device', id: boxId }, 'watch.away.end', 'household', householdId);
    }
    // The same connection: better-sqlite3 nests this as a savepoint of the transaction above.
    await withSqlite(tx, (sqlite) => recordTvActivity(sqlite, householdId, 'keys', now));
    return rows.length;
  });
}
