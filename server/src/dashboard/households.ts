import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { bucketOf, tokyoDateOf, type DashboardRange, type Figure } from './range';

interface Row {
  bucket: string | null;
  n: number;
}

/** Running totals: the count before the range, then each period's new rows added on. */
function cumulative(range: DashboardRange, rows: Row[]): number[] {
  let total = rows.filter((r) => r.bucket === null).reduce((s, r) => s + r.n, 0);
  return range.periods.map((p) => (total += rows.find((r) => r.bucket === p.key)?.n ?? 0));
}

/**
 * Households registered with engawa (a set-top box at home) and those of them that are shopping
 * members, as counted at the end of each period (or now, for the current one).
 */
export async function countHouseholds(db: Db, range: DashboardRange, now: Date): Promise<Figure[]> {
  const created = tokyoDateOf(sql`created_at`);
  const hamlet = range.hamletId === null ? sql`` : sql`AND hamlet_id = ${range.hamletId}`;
  const asBucket = (date: typeof created) =>
    sql`CASE WHEN ${date} < ${range.fromDate} THEN NULL ELSE ${bucketOf(range, date)} END`;
  const registered = await db.all<Row>(sql`
    SELECT ${asBucket(created)} AS bucket, count(*) AS n FROM households
    WHERE created_at <= ${now.getTime()} ${hamlet} GROUP BY 1`);
  const members = await db.all<Row>(sql`
    SELECT ${asBucket(sql`shop_member_since`)} AS bucket, count(*) AS n FROM households
    WHERE shop_member_since IS NOT NULL AND shop_member_since < ${range.toDate} ${hamlet} GROUP BY 1`);
  return [
    {
      id: 'households',
      title: '登録世帯数',
      unit: '世帯',
      series: [
        { label: '登録世帯', values: cumulative(range, registered) },
        { label: 'うち買い物会員', values: cumulative(range, members) },
      ],
      note: '期間の終わり（今の期間は現在）に登録されている世帯の数。買い物会員は会員開始日が期間の終わりまでの世帯。',
    },
  ];
}
