import { assembleRecord, blankField, numericField, textField } from './fields';
import type { DebitHeader, DebitRecord, DebitTotals } from './types';

const CRLF = Buffer.from('\r\n', 'latin1');
const mmdd = (d: DebitHeader['debitDate']) =>
  `${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

/** ヘッダーレコード (データ区分 1), 種別 91 口座振替, コード区分 0 (JIS). */
export function encodeHeaderRecord(h: DebitHeader): Buffer {
  const a = h.originatorAccount;
  return assembleRecord([
    Buffer.from('1910', 'latin1'),
    numericField(h.originatorCode, 10, '委託者コード'),
    textField(h.originatorName, 40, '委託者名'),
    numericField(mmdd(h.debitDate), 4, '引落日'),
    numericField(a.bankCode, 4, '取引銀行番号'),
    textField(a.bankName, 15, '取引銀行名'),
    numericField(a.branchCode, 3, '取引支店番号'),
    textField(a.branchName, 15, '取引支店名'),
    numericField(a.accountType, 1, '預金種目(委託者)'),
    numericField(a.accountNumber, 7, '口座番号(委託者)'),
    blankField(17),
  ]);
}

/** データレコード (データ区分 2). */
export function encodeDataRecord(r: DebitRecord): Buffer {
  const a = r.account;
  return assembleRecord([
    Buffer.from('2', 'latin1'),
    numericField(a.bankCode, 4, '引落銀行番号'),
    textField(a.bankName, 15, '引落銀行名'),
    numericField(a.branchCode, 3, '引落支店番号'),
    textField(a.branchName, 15, '引落支店名'),
    blankField(4),
    numericField(a.accountType, 1, '預金種目'),
    numericField(a.accountNumber, 7, '口座番号'),
    textField(r.holderName, 30, '預金者名'),
    numericField(r.amount, 10, '引落金額'),
    numericField(r.newCode, 1, '新規コード'),
    numericField(r.customerNumber, 20, '顧客番号'),
    numericField(r.resultCode, 1, '振替結果コード'),
    blankField(8),
  ]);
}

/** トレーラレコード (データ区分 8). */
export function encodeTrailerRecord(t: DebitTotals): Buffer {
  return assembleRecord([
    Buffer.from('8', 'latin1'),
    numericField(t.count, 6, '合計件数'),
    numericField(t.amount, 12, '合計金額'),
    numericField(t.collectedCount, 6, '振替済件数'),
    numericField(t.collectedAmount, 12, '振替済金額'),
    numericField(t.failedCount, 6, '振替不能件数'),
    numericField(t.failedAmount, 12, '振替不能金額'),
    blankField(65),
  ]);
}

/** エンドレコード (データ区分 9). */
export function encodeEndRecord(): Buffer {
  return assembleRecord([Buffer.from('9', 'latin1'), blankField(119)]);
}

/** Totals a file's trailer must carry: result code 0 counts as collected, any other code as failed. */
export function totalDebits(records: readonly Pick<DebitRecord, 'amount' | 'resultCode'>[]): DebitTotals {
  const t: DebitTotals = {
    count: 0,
    amount: 0,
    collectedCount: 0,
    collectedAmount: 0,
    failedCount: 0,
    failedAmount: 0,
  };
  for (const r of records) {
    t.count++;
    t.amount += r.amount;
    if (r.resultCode === 0) {
      t.collectedCount++;
      t.collectedAmount += r.amount;
    } else {
      t.failedCount++;
      t.failedAmount += r.amount;
    }
  }
  return t;
}

export type WriteDebitOptions = {
  /** Request files carry zero collected/failed totals; the bank fills them in its result file. */
  kind: 'request' | 'result';
};

/**
 * A 口座振替 file as a stream of chunks: header, one data record per debit, trailer, end, each
 * record followed by CR LF. Records are encoded as they are read, so a 100,000-household file
 * never sits in memory whole. In a request every result code must be 0 and the collected/failed
 * totals are zero.
 */
export function* debitFileChunks(
  header: DebitHeader,
  records: Iterable<DebitRecord>,
  options: WriteDebitOptions = { kind: 'request' },
): Generator<Buffer> {
  yield Buffer.concat([encodeHeaderRecord(header), CRLF]);
  const totals: DebitTotals = {
    count: 0,
    amount: 0,
    collectedCount: 0,
    collectedAmount: 0,
    failedCount: 0,
    failedAmount: 0,
  };
  for (const r of records) {
    if (options.kind === 'request' && r.resultCode !== 0) {
      throw new Error(`a request record must carry result code 0 (customer ${r.customerNumber})`);
    }
    const one = totalDebits([r]);
    for (const k of Object.keys(totals) as (keyof DebitTotals)[]) totals[k] += one[k];
    yield Buffer.concat([encodeDataRecord(r), CRLF]);
  }
  const trailer =
    options.kind === 'request'
      ? { ...totals, collectedCount: 0, collectedAmount: 0, failedCount: 0, failedAmount: 0 }
      : totals;
  yield Buffer.concat([encodeTrailerRecord(trailer), CRLF, encodeEndRecord(), CRLF]);
}

/** The whole file in one buffer (small files, tests, downloads). */
export function writeDebitFile(
  header: DebitHeader,
  records: Iterable<DebitRecord>,
  options: WriteDebitOptions = { kind: 'request' },
): Buffer {
  return Buffer.concat([...debitFileChunks(header, records, options)]);
}
