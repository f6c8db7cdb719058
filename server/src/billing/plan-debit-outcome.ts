import type { ResultCode } from './zengin/types';

export type DebitOutcome = {
  status: 'paid' | 'failed';
  /** The unpaid amount is added to next month's statement. */
  carryOver: boolean;
  /** No more debit records until staff record a new mandate form. */
  stopDebits: boolean;
  /** Staff follow-up list wording. */
  reason: string;
};

const OUTCOMES: Record<ResultCode, DebitOutcome> = {
  0: { status: 'paid', carryOver: false, stopDebits: false, reason: '振替済' },
  1: { status: 'failed', carryOver: true, stopDebits: false, reason: '資金不足（翌月再振替）' },
  2: {
    status: 'failed',
    carryOver: true,
    stopDebits: true,
    reason: '取引なし（口座情報の確認と再届出が必要）',
  },
  3: {
    status: 'failed',
    carryOver: true,
    stopDebits: true,
    reason: '預金者の申出による停止（再届出が必要）',
  },
  4: {
    status: 'failed',
    carryOver: true,
    stopDebits: true,
    reason: '依頼書なし（口座振替依頼書の提出が必要）',
  },
  8: { status: 'failed', carryOver: true, stopDebits: false, reason: '委託者の申出による停止' },
  9: { status: 'failed', carryOver: true, stopDebits: false, reason: 'その他（銀行に確認）' },
};

/**
 * What a bank result code means for the household. Every failed amount stays owed and moves to
 * next month's statement; codes 2, 3 and 4 also mean the bank will refuse again, so debiting
 * stops until a new mandate is on file (code 2 included: the account itself must be corrected).
 */
export function planDebitOutcome(code: ResultCode): DebitOutcome {
  return OUTCOMES[code];
}

/** The plain notice the resident sees on the TV after a failed debit. */
export function debitFailureNotice(code: ResultCode, amountYen: number, month: string): string | null {
  const o = OUTCOMES[code];
  if (o.status === 'paid') return null;
  const m = `${Number(month.slice(5))}月分`;
  const amount = `${amountYen.toLocaleString('ja-JP')}円`;
  if (o.stopDebits) {
    return `${m}のお支払い（${amount}）が口座から引き落とせませんでした。口座振替の手続きをもう一度お願いします。市役所からご連絡します。`;
  }
  return `${m}のお支払い（${amount}）が口座から引き落とせませんでした。来月分と合わせて引き落とします。`;
}
