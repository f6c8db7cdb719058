import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, fromTokyo, tokyoDate, tokyoParts } from '../lib/tokyo';

export const PERIOD_UNITS = ['week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** One bar of a plot: a Tokyo week (Monday to Sunday) or a calendar month. */
export interface Period {
  /** The bucket key the SQL produces: the week's Monday 'YYYY-MM-DD', or 'YYYY-MM'. */
  key: string;
  /** 11月23日の週 / 2026年11月 */
  label: string;
  /** First Tokyo date of the period. */
  from: string;
  /** First Tokyo date after the period. */
  to: string;
}

/** The periods a dashboard request covers, oldest first, the current (unfinished) one last. */
export interface DashboardRange {
  unit: PeriodUnit;
  periods: Period[];
  /** First Tokyo date covered and the first date after (exclusive), and the same as instants. */
  fromDate: string;
  toDate: string;
  from: Date;
  to: Date;
  /** Only this hamlet's households, orders, rides and residents; null = the whole city. */
  hamletId: number | null;
}

export const DashboardQuery = z.object({
  unit: z.enum(PERIOD_UNITS).default('week'),
  hamlet: z.coerce.number().int().positive().optional(),
});

const pad = (n: number) => String(n).padStart(2, '0');

function mondayOf(date: string): string {
  const weekday = tokyoParts(fromTokyo(date)).weekday;
  return addDays(date, -((weekday + 6) % 7));
}

/** The last `count` weeks or months up to and including the one `now` is in. */
export function lastPeriods(
  unit: PeriodUnit,
  count: number,
  now: Date,
  hamletId: number | null = null,
): DashboardRange {
  const today = tokyoDate(now);
  const periods: Period[] = [];
  if (unit === 'week') {
    let monday = addDays(mondayOf(today), -7 * (count - 1));
    for (let i = 0; i < count; i++, monday = addDays(monday, 7)) {
      const p = tokyoParts(fromTokyo(monday));
      periods.push({
        key: monday,
        label: `${p.month}月${p.day}日の週`,
        from: monday,
        to: addDays(monday, 7),
      });
    }
  } else {
    const { year, month } = tokyoParts(now);
    for (let i = count - 1; i >= 0; i--) {
      const y = year + Math.floor((month - 1 - i) / 12);
      const m = ((((month - 1 - i) % 12) + 12) % 12) + 1;
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
      periods.push({ key: `${y}-${pad(m)}`, label: `${y}年${m}月`, from: `${y}-${pad(m)}-01`, to: next });
    }
  }
  const fromDate = periods[0]!.from;
  const toDate = periods.at(-1)!.to;
  return { unit, periods, fromDate, toDate, from: fromTokyo(fromDate), to: fromTokyo(toDate), hamletId };
}

/**
 * The Tokyo date of an epoch-milliseconds column, in SQL. Tokyo has no daylight saving time, so
 * the fixed +9 h of `lib/tokyo.ts` holds for every instant.
 */
export const tokyoDateOf = (instantMs: SQL): SQL => sql`date(${instantMs} / 1000 + 32400, 'unixepoch')`;

/** The period key of a Tokyo date expression ('YYYY-MM-DD'): the week's Monday, or the month. */
export function bucketOf(range: DashboardRange, date: SQL): SQL {
  return range.unit === 'week' ? sql`date(${date}, 'weekday 0', '-6 days')` : sql`substr(${date}, 1, 7)`;
}

/** `AND <household column> belongs to the chosen hamlet`, or nothing for the whole city. */
export function inHamlet(range: DashboardRange, householdId: SQL): SQL {
  return range.hamletId === null
    ? sql``
    : sql`AND ${householdId} IN (SELECT id FROM households WHERE hamlet_id = ${range.hamletId})`;
}

/** A figure's values per period, in the range's order; periods without rows are 0. */
export function perPeriod<T>(
  range: DashboardRange,
  rows: readonly T[],
  key: (row: T) => string,
  value: (row: T) => number,
): number[] {
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(key(r), (byKey.get(key(r)) ?? 0) + value(r));
  return range.periods.map((p) => byKey.get(p.key) ?? 0);
}

/** What every metric group returns: one plot with its series, one CSV. */
export interface Figure {
  id: string;
  title: string;
  /** What the numbers count, for the axis and the table: 件, 世帯, 円, %, 分 … */
  unit: string;
  series: { label: string; values: number[] }[];
  /** The figure's definition in a sentence, shown under the plot. */
  note: string;
}
