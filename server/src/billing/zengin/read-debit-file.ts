import iconv from 'iconv-lite';
import { ENCODING, RECORD_BYTES } from './fields';
import { ZenginParseError } from './errors';
import type {
  AccountType,
  DebitFile,
  DebitHeader,
  DebitRecord,
  DebitTotals,
  NewCode,
  ResultCode,
} from './types';

const ACCOUNT_TYPES = new Set([1, 2, 3, 9]);
const NEW_CODES = new Set([0, 1, 2]);
const RESULT_CODES = new Set([0, 1, 2, 3, 4, 8, 9]);

/**
 * The Zengin layout allows records of exactly 120 bytes either back to back or each followed by
 * CR LF. A bare LF is refused: it is not in the standard, independent validators reject it, and
 * it usually means the file went through a tool that rewrote it, so its bytes cannot be trusted.
 */
export function splitRecords(file: Buffer): Buffer[] {
  const hasBreaks = file.includes(0x0a);
  const records: Buffer[] = [];
  if (!hasBreaks) {
    if (file.length % RECORD_BYTES !== 0) {
      throw new ZenginParseError(`file is ${file.length} bytes, not a multiple of ${RECORD_BYTES}`);
    }
    for (let i = 0; i < file.length; i += RECORD_BYTES) records.push(file.subarray(i, i + RECORD_BYTES));
    return records;
  }
  let start = 0;
  while (start < file.length) {
    let nl = file.indexOf(0x0a, start);
    if (nl === -1) nl = file.length;
    let end = nl;
    if (end > start && file[end - 1] === 0x0d) end--;
    else if (nl < file.length) {
      throw new ZenginParseError(
        '改行が LF だけです。全銀フォーマットの改行は CR LF（または改行なし）です。銀行から受け取ったままのファイルを取り込んでください (LF without CR)',
        records.length + 1,
      );
    }
    const rec = file.subarray(start, end);
    // A trailing EOF marker (0x1A) or blank line after the end record is tolerated.
    if (rec.length > 0 && !(rec.length === 1 && rec[0] === 0x1a)) {
      if (rec.length !== RECORD_BYTES) {
        throw new ZenginParseError(`is ${rec.length} bytes, expected ${RECORD_BYTES}`, records.length + 1);
      }
      records.push(rec);
    }
    start = nl + 1;
  }
  return records;
}

/** Positions are 1-based and inclusive, as in the published layout. */
function text(rec: Buffer, from: number, to: number): string {
  return iconv.decode(rec.subarray(from - 1, to), ENCODING).trimEnd();
}

function num(rec: Buffer, from: number, to: number, label: string, index: number): number {
  const raw = rec.subarray(from - 1, to).toString('latin1');
  if (!/^\d+$/.test(raw))
    throw new ZenginParseError(`${label} (${from}-${to}) "${raw}" is not numeric`, index);
  return Number(raw);
}

function digits(rec: Buffer, from: number, to: number, label: string, index: number): string {
  const raw = rec.subarray(from - 1, to).toString('latin1');
  if (!/^\d+$/.test(raw))
    throw new ZenginParseError(`${label} (${from}-${to}) "${raw}" is not numeric`, index);
  return raw;
}

function code<T extends number>(value: number, allowed: Set<number>, label: string, index: number): T {
  if (!allowed.has(value)) throw new ZenginParseError(`${label} ${value} is not a known code`, index);
  return value as T;
}

function parseHeader(rec: Buffer, i: number): DebitHeader {
  if (rec.subarray(1, 3).toString('latin1') !== '91') {
    throw new ZenginParseError(
      `種別コード "${rec.subarray(1, 3).toString('latin1')}" is not 91 (口座振替)`,
      i,
    );
  }
  const mmdd = digits(rec, 55, 58, '引落日', i);
  return {
    originatorCode: digits(rec, 5, 14, '委託者コード', i),
    originatorName: text(rec, 15, 54),
    debitDate: { month: Number(mmdd.slice(0, 2)), day: Number(mmdd.slice(2)) },
    originatorAccount: {
      bankCode: digits(rec, 59, 62, '取引銀行番号', i),
      bankName: text(rec, 63, 77),
      branchCode: digits(rec, 78, 80, '取引支店番号', i),
      branchName: text(rec, 81, 95),
      accountType: code<AccountType>(num(rec, 96, 96, '預金種目', i), ACCOUNT_TYPES, '預金種目', i),
      accountNumber: digits(rec, 97, 103, '口座番号', i),
    },
  };
}

function parseData(rec: Buffer, i: number): DebitRecord {
  return {
    account: {
      bankCode: digits(rec, 2, 5, '引落銀行番号', i),
      bankName: text(rec, 6, 20),
      branchCode: digits(rec, 21, 23, '引落支店番号', i),
      branchName: text(rec, 24, 38),
      accountType: code<AccountType>(num(rec, 43, 43, '預金種目', i), ACCOUNT_TYPES, '預金種目', i),
      accountNumber: digits(rec, 44, 50, '口座番号', i),
    },
    holderName: text(rec, 51, 80),
    amount: num(rec, 81, 90, '引落金額', i),
    newCode: code<NewCode>(num(rec, 91, 91, '新規コード', i), NEW_CODES, '新規コード', i),
    customerNumber: digits(rec, 92, 111, '顧客番号', i),
    resultCode: code<ResultCode>(num(rec, 112, 112, '振替結果コード', i), RESULT_CODES, '振替結果コード', i),
  };
}

function parseTrailer(rec: Buffer, i: number): DebitTotals {
  return {
    count: num(rec, 2, 7, '合計件数', i),
    amount: num(rec, 8, 19, '合計金額', i),
    collectedCount: num(rec, 20, 25, '振替済件数', i),
    collectedAmount: num(rec, 26, 37, '振替済金額', i),
    failedCount: num(rec, 38, 43, '振替不能件数', i),
    failedAmount: num(rec, 44, 55, '振替不能金額', i),
  };
}

/**
 * Reads a 口座振替 file (a request or the bank's result) and checks its structure: one header,
 * data records, one trailer whose totals match the records, one end record. A result file whose
 * totals disagree is rejected whole, because applying half of it would mark wrong debits paid.
 */
export function readDebitFile(
  file: Buffer,
  options: { kind: 'request' | 'result' } = { kind: 'result' },
): DebitFile {
  const recs = splitRecords(file);
  if (recs.length < 3) throw new ZenginParseError('a file needs at least header, trailer and end records');
  const kindOf = (r: Buffer) => String.fromCharCode(r[0]!);
  if (kindOf(recs[0]!) !== '1') throw new ZenginParseError('the first record is not a header (1)', 1);
  const header = parseHeader(recs[0]!, 1);
  const records: DebitRecord[] = [];
  let i = 1;
  for (; i < recs.length && kindOf(recs[i]!) === '2'; i++) records.push(parseData(recs[i]!, i + 1));
  if (i !== recs.length - 2) {
    throw new ZenginParseError(
      `unexpected record type "${kindOf(recs[i]!)}"; expected data (2) or trailer (8)`,
      i + 1,
    );
  }
  if (kindOf(recs[i]!) !== '8') throw new ZenginParseError('expected the trailer record (8)', i + 1);
  const trailer = parseTrailer(recs[i]!, i + 1);
  if (kindOf(recs[i + 1]!) !== '9') throw new ZenginParseError('expected the end record (9)', i + 2);

  let amount = 0;
  let collectedCount = 0;
  let collectedAmount = 0;
  for (const r of records) {
    amount += r.amount;
    if (r.resultCode === 0) {
      collectedCount++;
      collectedAmount += r.amount;
    }
  }
  const mismatch = (label: string, got: number, want: number) =>
    new ZenginParseError(`trailer ${label} is ${got} but the data records add up to ${want}`, i + 1);
  if (trailer.count !== records.length) throw mismatch('合計件数', trailer.count, records.length);
  if (trailer.amount !== amount) throw mismatch('合計金額', trailer.amount, amount);
  if (options.kind === 'result') {
    if (trailer.collectedCount !== collectedCount)
      throw mismatch('振替済件数', trailer.collectedCount, collectedCount);
    if (trailer.collectedAmount !== collectedAmount) {
      throw mismatch('振替済金額', trailer.collectedAmount, collectedAmount);
    }
    const failedCount = records.length - collectedCount;
    if (trailer.failedCount !== failedCount) throw mismatch('振替不能件数', trailer.failedCount, failedCount);
    if (trailer.failedAmount !== amount - collectedAmount) {
      throw mismatch('振替不能金額', trailer.failedAmount, amount - collectedAmount);
    }
  }
  return { header, records, trailer };
}
