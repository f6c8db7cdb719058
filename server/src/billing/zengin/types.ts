/** 預金種目: 1 普通, 2 当座, 3 納税準備, 9 その他. */
export type AccountType = 1 | 2 | 3 | 9;

/** 新規コード: 0 other, 1 first debit under a new mandate, 2 account details changed. */
export type NewCode = 0 | 1 | 2;

/** 振替結果コード returned by the bank. */
export type ResultCode = 0 | 1 | 2 | 3 | 4 | 8 | 9;

export type BankAccountRef = {
  bankCode: string; // 4 digits
  bankName: string; // half-width kana, already normalised
  branchCode: string; // 3 digits
  branchName: string;
  accountType: AccountType;
  accountNumber: string; // up to 7 digits
};

export type DebitHeader = {
  originatorCode: string; // 委託者コード, 10 digits
  originatorName: string; // 委託者名, half-width kana
  /** 引落日 as MMDD of the Tokyo calendar date. */
  debitDate: { month: number; day: number };
  /** The originator's own account at the collecting bank. */
  originatorAccount: BankAccountRef;
};

export type DebitRecord = {
  account: BankAccountRef;
  holderName: string; // 預金者名, half-width kana
  amount: number; // integer yen
  newCode: NewCode;
  customerNumber: string; // 顧客番号, up to 20 digits
  resultCode: ResultCode;
};

export type DebitTotals = {
  count: number;
  amount: number;
  collectedCount: number;
  collectedAmount: number;
  failedCount: number;
  failedAmount: number;
};

export type DebitFile = {
  header: DebitHeader;
  records: DebitRecord[];
  trailer: DebitTotals;
};
