import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { dashboardDaily, dashboardSummaryState, hamlets } from '../../../db/src/schema';
import { addDays, tokyoDate } from '../lib/tokyo';
import { buildFigures } from './build-figures';
import { CUMULATIVE_KEYS, dailyParts, type DailyPart } from './daily-parts';
import type { DashboardRange, Figure } from './range';

/**
 * Days this far back are recomputed on every refresh: an alert answered, a parcel delivered late,
 * a reminder confirmed or a bank result read changes the figures of a recent day.
 */
export const RECOMPUTE_DAYS = 35;
const EARLIEST = '0000-01-01';
const CITY = 0;

export interface SummaryState {
  /** Every day before this Tokyo date is in the summary. */
  through: string;
  computedAt: Date;
}

export async function summaryState(db: Db): Promise<SummaryState | null> {
  return (await db.select().from(dashboardSummaryState).where(eq(dashboardSummaryState.id, 1)).get()) ?? null;
}

/**
 * Writes the daily parts of every day before today, for the city and each hamlet: the whole past
 * on the first run, then the last RECOMPUTE_DAYS days and any day a missed run left out. Computed
 * from the other tables and replacing what was there, so running it twice changes nothing.
 */
export async function refreshSummary(
  db: Db,
  now: Date,
): Promise<{ from: string; through: string; rows: number }> {
  const today = tokyoDate(now);
  const state = await summaryState(db);
  const recent = addDays(today, -RECOMPUTE_DAYS);
  const from = state === null ? EARLIEST : state.through < recent ? state.through : recent;
  const scopes: (number | null)[] = [
    null,
    ...(await db.select({ id: hamlets.id }).from(hamlets).all()).map((h) => h.id),
  ];
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx
      .delete(dashboardDaily)
      .where(and(gte(dashboardDaily.day, from), lt(dashboardDaily.day, today)))
      .run();
    for (const scope of scopes) {
      const parts = await dailyParts(tx as unknown as Db, scope, from, today, now);
      for (let i = 0; i < parts.length; i += 500) {
        const chunk = parts.slice(i, i + 500).map((p) => ({
          scope: scope ?? CITY,
          day: p.day,
          key: p.key,
          value: p.value,
          list: p.list ? JSON.stringify(p.list) : null,
        }));
        await tx.insert(dashboardDaily).values(chunk).run();
      }
      rows += parts.length;
    }
    await tx
      .insert(dashboardSummaryState)
      .values({ id: 1, through: today, computedAt: now })
      .onConflictDoUpdate({ target: dashboardSummaryState.id, set: { through: today, computedAt: now } })
      .run();
  });
  return { from, through: today, rows };
}

export interface DashboardData {
  figures: Figure[];
  /** The summary the past days came from; null when everything was computed now. */
  summary: SummaryState | null;
}

/**
 * The dashboard's figures: days before the summary's `through` from the summary table, the rest
 * (today, and any day a missed refresh left out) computed now from the tables themselves.
 */
export async function loadDashboardData(db: Db, range: DashboardRange, now: Date): Promise<DashboardData> {
  const state = await summaryState(db);
  const scope = range.hamletId ?? CITY;
  const parts: DailyPart[] = [];
  let liveFrom = EARLIEST;
  if (state) {
    liveFrom = state.through < range.toDate ? state.through : range.toDate;
    // Raw rows (no per-column mapping): a year of months is some ten thousand of them.
    const inRange = await db.all<{ day: string; key: string; value: number; list: string | null }>(sql`
      SELECT day, key, value, list FROM dashboard_daily
      WHERE scope = ${scope} AND day >= ${range.fromDate} AND day < ${liveFrom}`);
    for (const r of inRange)
      parts.push({
        day: r.day,
        key: r.key,
        value: r.value,
        list: r.list ? (JSON.parse(r.list) as number[]) : undefined,
      });
    // Running totals start with everything before the range, summed in SQL.
    const before = await db
      .select({ key: dashboardDaily.key, value: sql<number>`sum(${dashboardDaily.value})` })
      .from(dashboardDaily)
      .where(
        and(
          eq(dashboardDaily.scope, scope),
          inArray(dashboardDaily.key, [...CUMULATIVE_KEYS]),
          lt(dashboardDaily.day, range.fromDate < liveFrom ? range.fromDate : liveFrom),
        ),
      )
      .groupBy(dashboardDaily.key)
      .all();
    for (const b of before) parts.push({ day: EARLIEST, key: b.key, value: b.value });
  }
  parts.push(...(await dailyParts(db, range.hamletId, liveFrom, range.toDate, now)));
  return { figures: buildFigures(range, parts), summary: state };
}
