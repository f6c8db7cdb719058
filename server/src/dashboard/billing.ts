import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { bucketOf, inHamlet, perPeriod, tokyoDateOf, type DashboardRange, type Figure } from './range';

/**
 * What residents were charged (tax included) by when the charge arose, and the commission the
 * sellers owe on the goods part at their contracted rate. Carry-overs are unpaid old charges, not
 * new revenue, so they are left out.
 */
export async function sumRevenue(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; revenue: number; commission: number }>(sql`
    SELECT ${bucketOf(range, tokyoDateOf(sql`c.occurred_at`))} AS bucket, sum(c.amount_yen) AS revenue,
      sum(CASE WHEN c.kind = 'goods' THEN c.amount_yen * s.commission_bp ELSE 0 END) / 10000 AS commission
    FROM charges c LEFT JOIN sellers s ON s.id = c.seller_id
    WHERE c.kind <> 'carry_over' AND c.occurred_at >= ${range.from.getTime()} AND c.occurred_at < ${range.to.getTime()}
      ${inHamlet(range, sql`c.household_id`)}
    GROUP BY 1`);
  const key = (r: { bucket: string }) => r.bucket;
  return [
    {
      id: 'revenue',
      title: '売上と手数料',
      unit: '円',
      series: [
        { label: '売上（税込）', values: perPeriod(range, rows, key, (r) => r.revenue) },
        { label: '手数料', values: perPeriod(range, rows, key, (r) => Math.floor(r.commission)) },
      ],
      note: '期間内に発生した請求（会費・商品・乗車・調整、繰越を除く、税込）と、商品代にかかる販売店の手数料（契約の率、税込額から概算）。',
    },
  ];
}

/** Direct debits the bank reported as not collected, by the day the result file was read. */
export async function countFailedDebits(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; n: number; yen: number }>(sql`
    SELECT ${bucketOf(range, tokyoDateOf(sql`d.result_at`))} AS bucket, count(*) AS n, sum(d.amount) AS yen
    FROM debit_items d
    WHERE d.status = 'failed' AND d.result_at >= ${range.from.getTime()} AND d.result_at < ${range.to.getTime()}
      ${inHamlet(range, sql`d.household_id`)}
    GROUP BY 1`);
  const key = (r: { bucket: string }) => r.bucket;
  return [
    {
      id: 'failed-debits',
      title: '口座振替の不能（件数）',
      unit: '件',
      series: [{ label: '振替不能', values: perPeriod(range, rows, key, (r) => r.n) }],
      note: '銀行の振替結果で引き落とせなかった件数（結果を取り込んだ日で集計）。',
    },
    {
      id: 'failed-debit-yen',
      title: '口座振替の不能（金額）',
      unit: '円',
      series: [{ label: '振替不能額', values: perPeriod(range, rows, key, (r) => r.yen) }],
      note: '同じく引き落とせなかった金額の合計。',
    },
  ];
}
