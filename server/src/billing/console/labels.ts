import { AppError } from '../../lib/errors';
import { formatJaMonth } from '../../console/month-field';

/**
 * Every word the billing pages show for a stored state, in one place: the database keeps English
 * enum values (`paid`, `failed`, `pending`), city staff read Japanese.
 */
export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** 2026年10月分: the month a statement bills. */
export const jaBillingMonth = (m: string) => `${formatJaMonth(m)}分`;

export const MANDATE_JA: Record<string, string> = {
  active: '有効',
  pending: '手続き中',
  stopped: '停止中（再届出が必要）',
};

export const DEBIT_ITEM_JA: Record<string, string> = {
  requested: '結果待ち',
  paid: '振替済',
  failed: '振替不能',
};

export const ACCOUNT_TYPE_JA: [string, string][] = [
  ['1', '普通'],
  ['2', '当座'],
  ['3', '納税準備'],
  ['9', 'その他'],
];

/** The state of a closed month's direct debit, from its batch row. */
export function batchStateJa(batch: { id: number | null; imported: number | null } | null): {
  text: string;
  badge: 'ok' | 'warn' | 'neutral';
} {
  if (!batch || batch.id === null) return { text: '振替データ未作成', badge: 'neutral' };
  if (batch.imported === null) return { text: '振替結果待ち', badge: 'warn' };
  return { text: '振替結果取込済', badge: 'ok' };
}

export const FIELD_JA: Record<string, string> = {
  month: '締める月',
  file: '振替結果ファイル',
  method: '支払方法',
  paidOn: '入金日',
  reason: '理由',
  outcome: '対応',
  bankCode: '金融機関コード',
  bankName: '金融機関名',
  branchCode: '支店コード',
  branchName: '支店名',
  accountType: '預金種目',
  accountNumber: '口座番号',
  holderKana: '口座名義',
};

/** Japanese for a field's zod message where the API's schema speaks English. */
export const FIELD_MESSAGE_JA: Record<string, string> = {
  bankCode: '4桁の数字で入力してください',
  branchCode: '3桁の数字で入力してください',
  accountNumber: '7桁までの数字で入力してください',
  bankName: '入力してください（40文字まで）',
  branchName: '入力してください（40文字まで）',
  holderKana: '入力してください（60文字まで）',
  accountType: '選んでください',
};

/**
 * A billing refusal as city staff read it. The business functions keep their English messages for
 * the API and the CLI; the console says them in Japanese, by code.
 */
export function billingErrorJa(e: AppError): string {
  const bad = /contains "(.+?)"/.exec(e.message)?.[1];
  switch (e.code) {
    case 'unknown_batch':
      return 'この振替結果ファイルの引落日に当たる振替依頼データがありません。ファイルを確認してください。';
    case 'batch_mismatch':
      return '振替結果ファイルの件数・顧客番号・金額が振替依頼データと一致しません。銀行から届いたファイルか確認してください。';
    case 'result_already_imported':
      return 'この振替結果はすでに取り込まれていて、内容が異なります。銀行に確認してください。';
    case 'invalid_result_file':
      return `振替結果ファイルの形式が全銀フォーマットではありません（${e.message}）。`;
    case 'month_not_closed':
      return '先にこの月を締めてください。';
    case 'unencodable_bank_details':
      return '口座情報を全銀データにできない世帯があります。各世帯の口座振替ページで名義を直してください。';
    case 'unencodable_name':
      return bad
        ? `「${bad}」は全銀データに使えません。カナ（ひらがな・カタカナ）と英数字で入力してください。`
        : '全銀データに使えない文字があります。カナと英数字で入力してください。';
    default:
      return e.message;
  }
}
