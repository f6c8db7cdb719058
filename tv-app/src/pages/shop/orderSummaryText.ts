import type { ShopDeliveryInfo } from '../../api/shop.js';

/** One cart line as the order summary shows it. */
export interface SummaryLine {
  name: string;
  qty: number;
  amountYen: number;
}

export interface OrderSummaryText {
  /** Rows drawn on screen: at most `maxRows`, the last one saying how many more there are. */
  rows: Array<{ left: string; right: string }>;
  total: string;
  delivery: string;
  payment: string;
  /** Everything, every line included, for reading aloud on arrival. */
  spoken: string;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

export const PAYMENT_TEXT = 'お支払い：ケーブルテレビの料金と一緒に、口座から引き落とされます';

/** 「12月3日（木）」 from an ISO date; the weekday comes from the date itself, not a clock. */
export function jaDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日（${weekday}）`;
}

/**
 * The delivery line once the order is placed: 「今日 11月24日（火）の夕方に 中尾公民館に届きます」.
 * Not the cart's 「今、注文すると…」, which reads wrongly after the order has gone.
 */
export function placedDeliveryText(deliveryDate: string, info: ShopDeliveryInfo | null): string {
  const today = info?.isToday && info.date === deliveryDate ? '今日 ' : '';
  const hall = info?.hallName ? ` ${info.hallName}に` : '';
  return `${today}${jaDay(deliveryDate)}の夕方に${hall}届きます`;
}

/**
 * What the order summary says, on screen and aloud. Pure, so the wording is tested without a
 * screen. A long cart shows its first rows and 「ほか◯品」, but reads every line.
 */
export function orderSummaryText(
  lines: readonly SummaryLine[],
  info: ShopDeliveryInfo | null,
  maxRows = 5,
): OrderSummaryText {
  const count = lines.reduce((s, l) => s + l.qty, 0);
  const totalYen = lines.reduce((s, l) => s + l.amountYen, 0);
  const row = (l: SummaryLine) => ({ left: `${l.name} × ${l.qty}`, right: yen(l.amountYen) });
  const rows =
    lines.length <= maxRows
      ? lines.map(row)
      : [
          ...lines.slice(0, maxRows - 1).map(row),
          {
            left: `ほか ${lines.length - maxRows + 1}品`,
            right: yen(lines.slice(maxRows - 1).reduce((s, l) => s + l.amountYen, 0)),
          },
        ];
  const when = info ? `${info.isToday ? '今日 ' : ''}${jaDay(info.date)}の夕方` : '';
  const delivery = info ? `お届け：${when}、${info.hallName}` : 'お届け：確認しています…';
  const spokenLines = lines.map((l) => `${l.name}、${l.qty}点、${l.amountYen}円`).join('。');
  const spoken = [
    'ご注文の確認',
    spokenLines,
    `合計、${count}点、${totalYen}円`,
    ...(info ? [`お届けは、${when}、${info.hallName}です`] : []),
    'お支払いは、ケーブルテレビの料金と一緒に、口座から引き落とされます',
    'よろしければ、決定を押してください。やめるときは、戻るを押してください',
  ].join('。');
  return {
    rows,
    total: `合計 ${count}点\u3000${yen(totalYen)}（税込）`,
    delivery,
    payment: PAYMENT_TEXT,
    spoken,
  };
}
