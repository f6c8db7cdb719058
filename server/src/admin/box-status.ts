import { and, asc, eq, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, residents, setTopBoxes, watchState } from '../../../db/src/schema';

/** A TV silent for longer than the watch detector's heartbeat gap (12 minutes) counts as off. */
export const ONLINE_WINDOW_MS = 12 * 60_000;

export interface BoxRow {
  boxId: number;
  deviceId: string;
  householdId: number;
  householdName: string;
  hamletName: string;
  pairedAt: Date;
  revokedAt: Date | null;
  lastHeartbeatAt: Date | null;
  online: boolean;
}

/** Boxes with their household and the last heartbeat any resident of it sent. */
export async function listBoxes(db: DbOrTx, now: Date, where?: SQL): Promise<BoxRow[]> {
  const beat = db
    .select({ householdId: residents.householdId, at: max(watchState.lastHeartbeatAt).as('at') })
    .from(watchState)
    .innerJoin(residents, eq(residents.id, watchState.residentId))
    .groupBy(residents.householdId)
    .as('beat');
  return (
    await db
      .select({
        boxId: setTopBoxes.id,
        deviceId: setTopBoxes.deviceId,
        householdId: households.id,
        householdName: households.name,
        hamletName: hamlets.name,
        pairedAt: setTopBoxes.createdAt,
        revokedAt: setTopBoxes.revokedAt,
        at: sql<number | null>`${beat.at}`,
      })
      .from(setTopBoxes)
      .innerJoin(households, eq(households.id, setTopBoxes.householdId))
      .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
      .leftJoin(beat, eq(beat.householdId, households.id))
      .where(where)
      .orderBy(asc(hamlets.id), asc(households.id), asc(setTopBoxes.id))
      .all()
  ).map(({ at, ...r }) => ({
    ...r,
    lastHeartbeatAt: at === null ? null : new Date(at),
    online: r.revokedAt === null && at !== null && now.getTime() - at <= ONLINE_WINDOW_MS,
  }));
}

export const liveBoxes = async (db: DbOrTx, now: Date, householdId?: number) =>
  await listBoxes(
    db,
    now,
    householdId === undefined
      ? isNull(setTopBoxes.revokedAt)
      : and(isNull(setTopBoxes.revokedAt), eq(setTopBoxes.householdId, householdId)),
  );
