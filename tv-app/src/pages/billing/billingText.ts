import type { CurrentBilling } from '../../api/billing.js';
import { joinSentences } from '../../speech/joinSentences.js';

// An ideographic space between label and amount reads as a gap on screen; speech gets a comma.
const SEP = '\u3000';
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const monthLabel = (month: string) => `${Number(month.slice(5))}月`;
const WEEKDAY = ['日', '月', '火', '水', '木', '金', '土'];

/** 「12月28日（月）」 from a Tokyo date; the weekday helps a resident place the day. */
export function jaDateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日（${weekday}）`;
}

const STATUS: Record<NonNullable<CurrentBilling['lastStatement']>['status'], string> = {
  none: '',
  requested: '口座からの引き落としを待っています',
  paid: '口座から引き落としました',
  failed: '引き落とせませんでした',
};

export const PLANNED_HEADING = '予定（まだ請求していません）';
export const PLANNED_NOTE = 'お届けした分、乗った分だけを請求します。取り消した分は請求しません。';

export interface BillingText {
  title: string;
  total: string;
  /** Why and when: 「11月分のご利用料金として、12月28日（月）に口座から引き落とします。」 */
  reason: string;
  lines: string[];
  /** Booked and not yet charged; empty when there is nothing booked. */
  planned: string[];
  last: string;
  notice: string;
  announce: string;
}

/**
 * What the billing page says, in plain words: the total to be debited this month, when and why,
 * where it comes from, what is booked but not charged yet, the last bill and, first when there
 * is one, the notice about a failed debit.
 */
export function billingText(b: CurrentBilling): BillingText {
  const title = `${monthLabel(b.month)}のご利用料金（これまでの合計）`;
  const reason = `${monthLabel(b.month)}分のご利用料金として、${jaDateLabel(b.debitDate)}に口座から引き落とします。`;
  const lines = [
    ['月会費', b.membership],
    ['お買い物', b.goods],
    ['タクシー', b.rides],
    ['前の月からの未払い分', b.carriedOver],
    ['その他', b.other],
  ]
    .filter(([, v]) => v !== 0)
    .map(([label, v]) => `${label}${SEP}${yen(v as number)}`);
  const planned = [
    ['お届け前のお買い物', b.planned.orders],
    ['これから乗るタクシー', b.planned.rides],
  ]
    .filter(([, p]) => (p as { count: number }).count > 0)
    .map(([label, p]) => {
      const { count, yen: amount } = p as { count: number; yen: number };
      return `${label} ${count}件${SEP}${yen(amount)}`;
    });
  const last = b.lastStatement
    ? `${monthLabel(b.lastStatement.month)}分のご請求${SEP}${yen(b.lastStatement.amountDue)}${STATUS[b.lastStatement.status] ? `（${STATUS[b.lastStatement.status]}）` : ''}`
    : '';
  const notice = b.notice ?? '';
  const spoken = (l: string) => l.replaceAll(SEP, '、');
  return {
    title,
    total: yen(b.runningTotal),
    reason,
    lines: lines.length ? lines : ['今月のご利用はまだありません'],
    planned,
    last,
    notice,
    announce: joinSentences([
      notice,
      `${title}、${b.runningTotal}円です`,
      reason,
      ...lines.map(spoken),
      planned.length > 0 && `ほかに、${PLANNED_HEADING}`,
      ...planned.map(spoken),
      planned.length > 0 && PLANNED_NOTE,
      spoken(last),
    ]),
  };
}
