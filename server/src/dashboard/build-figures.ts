import { CUMULATIVE_KEYS, OTHER_REASON, REASON_PREFIX, type DailyPart } from './daily-parts';
import { addDays, fromTokyo, tokyoParts } from '../lib/tokyo';
import type { DashboardRange, Figure } from './range';

const BEFORE = '';
const TOP_REASONS = 4;

const round1 = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The period a Tokyo day falls in ('' before the range, null after it). */
function periodOf(range: DashboardRange): (day: string) => string | null {
  const cache = new Map<string, string | null>();
  return (day) => {
    if (day < range.fromDate) return BEFORE;
    if (day >= range.toDate) return null;
    let key = cache.get(day);
    if (key === undefined) {
      if (range.unit === 'month') key = day.slice(0, 7);
      else {
        const weekday = tokyoParts(fromTokyo(day)).weekday;
        key = addDays(day, -((weekday + 6) % 7));
      }
      cache.set(day, key);
    }
    return key;
  };
}

/**
 * The dashboard's figures from daily parts (from the summary table and today's live parts),
 * with the same titles, series and rounding as the per-figure modules.
 */
export function buildFigures(range: DashboardRange, parts: Iterable<DailyPart>): Figure[] {
  const period = periodOf(range);
  const sums = new Map<string, Map<string, number>>();
  const lists = new Map<string, number[]>();
  for (const p of parts) {
    const key = period(p.day);
    if (key === null) continue;
    if (key === BEFORE && !(CUMULATIVE_KEYS as readonly string[]).includes(p.key)) continue;
    let byPeriod = sums.get(p.key);
    if (!byPeriod) sums.set(p.key, (byPeriod = new Map()));
    byPeriod.set(key, (byPeriod.get(key) ?? 0) + p.value);
    if (p.list?.length) {
      const l = lists.get(key);
      if (l) l.push(...p.list);
      else lists.set(key, [...p.list]);
    }
  }
  const values = (key: string) => range.periods.map((p) => sums.get(key)?.get(p.key) ?? 0);
  const cumulative = (key: string) => {
    let total = sums.get(key)?.get(BEFORE) ?? 0;
    return values(key).map((n) => (total += n));
  };

  const reasons = [...sums.keys()].filter((k) => k.startsWith(REASON_PREFIX));
  const totals = reasons.map(
    (k) => [k.slice(REASON_PREFIX.length), [...sums.get(k)!.values()].reduce((a, b) => a + b, 0)] as const,
  );
  const top = [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_REASONS)
    .map(([reason]) => reason);
  const labels = top.filter((t) => t !== OTHER_REASON);
  const others = reasons.filter((k) => !labels.includes(k.slice(REASON_PREFIX.length)));
  if (others.length) labels.push(OTHER_REASON);
  const reasonValues = (label: string) =>
    label === OTHER_REASON
      ? range.periods.map((_, i) => others.reduce((s, k) => s + values(k)[i]!, 0))
      : values(REASON_PREFIX + label);
  const car = range.periods.map((_, i) => reasons.reduce((s, k) => s + values(k)[i]!, 0));

  const count = values('rides');
  const riders = values('riders');
  const pooled = values('pooled');
  const vehicleHours = values('vehicle_ms').map((ms) => ms / 3_600_000);

  return [
    {
      id: 'households',
      title: '登録世帯数',
      unit: '世帯',
      series: [
        { label: '登録世帯', values: cumulative('hh') },
        { label: 'うち買い物会員', values: cumulative('member') },
      ],
      note: '期間の終わり（今の期間は現在）に登録されている世帯の数。買い物会員は会員開始日が期間の終わりまでの世帯。',
    },
    {
      id: 'orders',
      title: '注文数と品数',
      unit: '件・点',
      series: [
        { label: '注文', values: values('orders') },
        { label: '品数', values: values('items') },
      ],
      note: '配達日が期間内の注文（取り消しを除く）と、その注文で実際に届けた品の数（欠品を除く）。',
    },
    {
      id: 'deliveries',
      title: '配達（ドローン・車）',
      unit: '件',
      series: [
        { label: 'ドローン', values: values('drone') },
        { label: '車', values: car },
      ],
      note: '配達日が期間内で、公民館に着いた・手渡しした注文を、運んだ手段で数えたもの。',
    },
    {
      id: 'car-reasons',
      title: '車で配達した理由',
      unit: '件',
      series: labels.map((label) => ({ label, values: reasonValues(label) })),
      note: `車で届けた注文の理由（住民に伝えた理由）。期間全体で多い${TOP_REASONS}つを分け、残りは「${OTHER_REASON}」。`,
    },
    {
      id: 'rides',
      title: '乗合タクシーの利用',
      unit: '件・人',
      series: [
        { label: '乗車', values: count },
        { label: '乗客', values: riders },
      ],
      note: '運行日が期間内で、降車まで終わった予約の数と、その乗客（付き添いを含む）の数。',
    },
    {
      id: 'pooling',
      title: '相乗り率',
      unit: '%',
      series: [{ label: '相乗り率', values: count.map((n, i) => (n ? round1((100 * pooled[i]!) / n) : 0)) }],
      note: '乗車中に同じ車に別の予約の乗客も乗っていた乗車の割合。',
    },
    {
      id: 'riders-per-hour',
      title: '車両1時間あたりの乗客数',
      unit: '人/時',
      series: [
        {
          label: '乗客/車両時間',
          values: riders.map((n, i) => (vehicleHours[i] ? round1(n / vehicleHours[i]!) : 0)),
        },
      ],
      note: '乗客数を車両の運行時間で割ったもの。運行時間は車両ごと・日ごとの最初の乗車から最後の降車まで。',
    },
    {
      id: 'vehicle-km',
      title: '走行距離（相乗りと単独運行の比較）',
      unit: 'km',
      series: [
        { label: '乗客を乗せた走行', values: values('loaded_km').map(round1) },
        { label: '単独運行の場合', values: values('direct_km').map(round1) },
      ],
      note: '乗客を乗せていた区間の距離（停車地の順の直線距離）と、各乗車を1台ずつ直行した場合の距離の合計。',
    },
    {
      id: 'alerts',
      title: '見守りアラート',
      unit: '件',
      series: [
        { label: '発生', values: values('alerts') },
        { label: '応答あり', values: values('acked') },
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
          values: range.periods.map((p) => Math.round(median(lists.get(p.key) ?? []) / 6000) / 10),
        },
      ],
      note: '期間内に発生し応答のあったアラートの、発生から最初の応答までの時間の中央値。',
    },
    {
      id: 'reminders',
      title: 'お知らせ（服薬など）の確認',
      unit: '件',
      series: [
        { label: '確認済み', values: values('confirmed') },
        { label: '未確認', values: values('missed') },
      ],
      note: '期間内に時刻が来たお知らせのうち、テレビで確認されたものと、1時間たっても確認されなかったもの。',
    },
    {
      id: 'revenue',
      title: '売上と手数料',
      unit: '円',
      series: [
        { label: '売上（税込）', values: values('revenue') },
        // Integer division like the straightforward SQL (sum of yen × basis points / 10000).
        {
          label: '手数料',
          values: values('commission_bp_yen').map((n) => Math.floor(Math.trunc(n / 10000))),
        },
      ],
      note: '期間内に発生した請求（会費・商品・乗車・調整、繰越を除く、税込）と、商品代にかかる販売店の手数料（契約の率、税込額から概算）。',
    },
    {
      id: 'failed-debits',
      title: '口座振替の不能（件数）',
      unit: '件',
      series: [{ label: '振替不能', values: values('debits') }],
      note: '銀行の振替結果で引き落とせなかった件数（結果を取り込んだ日で集計）。',
    },
    {
      id: 'failed-debit-yen',
      title: '口座振替の不能（金額）',
      unit: '円',
      series: [{ label: '振替不能額', values: values('debit_yen') }],
      note: '同じく引き落とせなかった金額の合計。',
    },
  ];
}
