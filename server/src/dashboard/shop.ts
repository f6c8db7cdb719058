import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { bucketOf, perPeriod, type DashboardRange, type Figure } from './range';

const inRange = (range: DashboardRange) =>
  sql`o.delivery_date >= ${range.fromDate} AND o.delivery_date < ${range.toDate}
      ${range.hamletId === null ? sql`` : sql`AND o.hamlet_id = ${range.hamletId}`}`;

/** Orders by delivery day (cancelled ones left out) and the items in them the store supplied. */
export async function countOrders(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; orders: number; items: number }>(sql`
    SELECT ${bucketOf(range, sql`o.delivery_date`)} AS bucket, count(DISTINCT o.id) AS orders,
      coalesce(sum(l.qty - l.missing_qty), 0) AS items
    FROM orders o JOIN order_lines l ON l.order_id = o.id
    WHERE ${inRange(range)} AND o.status <> 'cancelled'
    GROUP BY 1`);
  return [
    {
      id: 'orders',
      title: '注文数と品数',
      unit: '件・点',
      series: [
        {
          label: '注文',
          values: perPeriod(
            range,
            rows,
            (r) => r.bucket,
            (r) => r.orders,
          ),
        },
        {
          label: '品数',
          values: perPeriod(
            range,
            rows,
            (r) => r.bucket,
            (r) => r.items,
          ),
        },
      ],
      note: '配達日が期間内の注文（取り消しを除く）と、その注文で実際に届けた品の数（欠品を除く）。',
    },
  ];
}

const OTHER_REASON = 'その他';
const TOP_REASONS = 4;

/**
 * Parcels that reached the hall (公民館) or the resident, by drone or by car, and why the cars
 * went: the most frequent reasons over the range, the rest together.
 */
export async function countDeliveries(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; mode: 'drone' | 'car'; reason: string | null; n: number }>(sql`
    SELECT ${bucketOf(range, sql`o.delivery_date`)} AS bucket, o.delivery_mode AS mode,
      o.delivery_mode_reason AS reason, count(*) AS n
    FROM orders o
    WHERE ${inRange(range)} AND o.status IN ('at_hall', 'delivered') AND o.delivery_mode IS NOT NULL
    GROUP BY 1, 2, 3`);
  const car = rows.filter((r) => r.mode === 'car');
  const totals = new Map<string, number>();
  for (const r of car)
    totals.set(r.reason ?? OTHER_REASON, (totals.get(r.reason ?? OTHER_REASON) ?? 0) + r.n);
  const top = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_REASONS)
    .map(([reason]) => reason);
  const reasonOf = (r: (typeof car)[number]) =>
    r.reason !== null && top.includes(r.reason) ? r.reason : OTHER_REASON;
  const labels = [...top.filter((t) => t !== OTHER_REASON)];
  if (car.some((r) => reasonOf(r) === OTHER_REASON)) labels.push(OTHER_REASON);
  return [
    {
      id: 'deliveries',
      title: '配達（ドローン・車）',
      unit: '件',
      series: [
        {
          label: 'ドローン',
          values: perPeriod(
            range,
            rows.filter((r) => r.mode === 'drone'),
            (r) => r.bucket,
            (r) => r.n,
          ),
        },
        {
          label: '車',
          values: perPeriod(
            range,
            car,
            (r) => r.bucket,
            (r) => r.n,
          ),
        },
      ],
      note: '配達日が期間内で、公民館に着いた・手渡しした注文を、運んだ手段で数えたもの。',
    },
    {
      id: 'car-reasons',
      title: '車で配達した理由',
      unit: '件',
      series: labels.map((label) => ({
        label,
        values: perPeriod(
          range,
          car.filter((r) => reasonOf(r) === label),
          (r) => r.bucket,
          (r) => r.n,
        ),
      })),
      note: `車で届けた注文の理由（住民に伝えた理由）。期間全体で多い${TOP_REASONS}つを分け、残りは「${OTHER_REASON}」。`,
    },
  ];
}
