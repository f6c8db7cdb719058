import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { bucketOf, perPeriod, tokyoDateOf, type DashboardRange, type Figure } from './range';

const residentInHamlet = (range: DashboardRange, residentId: ReturnType<typeof sql>) =>
  range.hamletId === null
    ? sql``
    : sql`AND ${residentId} IN (SELECT r.id FROM residents r JOIN households h ON h.id = r.household_id
                                 WHERE h.hamlet_id = ${range.hamletId})`;

/** A reminder not confirmed an hour after it was due counts as missed; younger ones are still open. */
export const REMINDER_GRACE_MS = 60 * 60 * 1000;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Watch alerts raised in each period, how many were acknowledged, and the median minutes to it. */
export async function countAlerts(db: Db, range: DashboardRange, _now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; ackMs: number | null }>(sql`
    SELECT ${bucketOf(range, tokyoDateOf(sql`opened_at`))} AS bucket, acknowledged_at - opened_at AS ackMs
    FROM watch_alerts
    WHERE opened_at >= ${range.from.getTime()} AND opened_at < ${range.to.getTime()}
      ${residentInHamlet(range, sql`resident_id`)}`);
  const key = (r: { bucket: string }) => r.bucket;
  return [
    {
      id: 'alerts',
      title: '見守りアラート',
      unit: '件',
      series: [
        { label: '発生', values: perPeriod(range, rows, key, () => 1) },
        { label: '応答あり', values: perPeriod(range, rows, key, (r) => (r.ackMs === null ? 0 : 1)) },
      ],
      note: '期間内に発生した見守りアラートと、そのうち家族・支援員・市職員が応答したもの。',
    },
    {
      id: 'ack-minutes',
      title: '応答までの時間（中央値）',
      unit: '分',
      series: [
        {
          label: '中央値',
          values: range.periods.map(
            (p) =>
              Math.round(
                median(rows.filter((r) => r.bucket === p.key && r.ackMs !== null).map((r) => r.ackMs!)) /
                  6000,
              ) / 10,
          ),
        },
      ],
      note: '期間内に発生し応答のあったアラートの、発生から最初の応答までの時間の中央値。',
    },
  ];
}

/** Reminder occurrences due in each period: confirmed on the TV, or missed. */
export async function countReminders(db: Db, range: DashboardRange, now: Date): Promise<Figure[]> {
  const rows = await db.all<{ bucket: string; confirmed: number; missed: number }>(sql`
    SELECT ${bucketOf(range, tokyoDateOf(sql`due_at`))} AS bucket,
      sum(confirmed_at IS NOT NULL) AS confirmed,
      sum(confirmed_at IS NULL AND due_at <= ${now.getTime() - REMINDER_GRACE_MS}) AS missed
    FROM watch_reminder_occurrences
    WHERE due_at >= ${range.from.getTime()} AND due_at < ${range.to.getTime()} AND due_at <= ${now.getTime()}
      ${residentInHamlet(range, sql`resident_id`)}
    GROUP BY 1`);
  const key = (r: { bucket: string }) => r.bucket;
  return [
    {
      id: 'reminders',
      title: 'お知らせ（服薬など）の確認',
      unit: '件',
      series: [
        { label: '確認済み', values: perPeriod(range, rows, key, (r) => r.confirmed) },
        { label: '未確認', values: perPeriod(range, rows, key, (r) => r.missed) },
      ],
      note: '期間内に時刻が来たお知らせのうち、テレビで確認されたものと、1時間たっても確認されなかったもの。',
    },
  ];
}
