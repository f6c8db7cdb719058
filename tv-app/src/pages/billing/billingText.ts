import type { CurrentBilling } from '../../api/billing.js';

// An ideographic space between label and amount reads as a gap on screen; speech gets a comma.
const SEP = '\u3000';
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const monthLabel = (month: string) => `${Number(month.slice(5))}月`;

const STATUS: Record<NonNullable<CurrentBilling['lastStatement']>['status'], string> = {
  none: '',
  requested: '口座からの引き落としを待っています',
  paid: '口座から引き落としました',
  failed: '引き落とせませんでした',
};

export interface BillingText {
  title: string;
  total: string;
  lines: string[];
  last: string;
  notice: string;
  announce: string;
}

/**
 * What the billing page says, in plain words: the running total of this month, where it comes
 * from, the last bill and, first when there is one, the notice about a failed debit.
 */
export function billingText(b: CurrentBilling): BillingText {
  const title = `${monthLabel(b.month)}のご利用料金（これまでの合計）`;
  const lines = [
    ['月会費', b.membership],
    ['お買い物', b.goods],
    ['タクシー', b.rides],
    ['前の月からの未払い分', b.carriedOver],
    ['その他', b.other],
  ]
    .filter(([, v]) => v !== 0)
    .map(([label, v]) => `${label}${SEP}${yen(v as number)}`);
  const last = b.lastStatement
    ? `${monthLabel(b.lastStatement.month)}分のご請求${SEP}${yen(b.lastStatement.amountDue)}${STATUS[b.lastStatement.status] ? `（${STATUS[b.lastStatement.status]}）` : ''}`
    : '';
  const notice = b.notice ?? '';
  const spoken = [
    notice,
    `${title}、${b.runningTotal}円です。`,
    ...lines.map((l) => l.replace(SEP, '、')),
    last.replace(SEP, '、'),
  ];
  return {
    title,
    total: yen(b.runningTotal),
    lines: lines.length ? lines : ['今月のご利用はまだありません'],
    last,
    notice,
    announce: spoken.filter(Boolean).join('。'),
  };
}
