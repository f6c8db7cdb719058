import { describe, expect, it } from 'vitest';
import { ZenginParseError } from './errors';
import { readDebitFile, splitRecords } from './read-debit-file';
import { simulateBankResult } from './simulate-bank-result';
import type { DebitHeader, DebitRecord, ResultCode } from './types';
import { writeDebitFile } from './write-debit-file';

const header: DebitHeader = {
  originatorCode: '0000000042',
  originatorName: 'ｲﾅｹ-ﾌﾞﾙﾃﾚﾋﾞｼﾞﾖﾝ',
  debitDate: { month: 1, day: 27 },
  originatorAccount: {
    bankCode: '0143',
    bankName: 'ﾊﾁｼﾞﾕｳﾆ',
    branchCode: '150',
    branchName: 'ｲﾅ',
    accountType: 2,
    accountNumber: '1111111',
  },
};

const record = (n: number, amount: number): DebitRecord => ({
  account: {
    bankCode: '9900',
    bankName: 'ﾕｳﾁﾖ',
    branchCode: '408',
    branchName: 'ﾖﾝｾﾞﾛﾊﾁ',
    accountType: 1,
    accountNumber: String(1000000 + n),
  },
  holderName: `ﾃｽﾄ ${n}`,
  amount,
  newCode: 0,
  customerNumber: String(500000 + n),
  resultCode: 0,
});

describe('readDebitFile', () => {
  const records = [record(1, 1000), record(2, 2_500), record(3, 9_999_999_999)];
  const request = writeDebitFile(header, records);

  it('reads back what was written, with or without line breaks', () => {
    const parsed = readDebitFile(request, { kind: 'request' });
    expect(parsed.header).toEqual(header);
    expect(parsed.records.map((r) => r.amount)).toEqual([1000, 2500, 9_999_999_999]);
    expect(parsed.records[1]!.customerNumber).toBe('00000000000000500002');
    expect(parsed.records[1]!.account.accountNumber).toBe('1000002');
    expect(parsed.records[0]!.holderName).toBe('ﾃｽﾄ 1');
    const flat = Buffer.from(request.toString('latin1').replaceAll('\r\n', ''), 'latin1');
    expect(flat.length).toBe(6 * 120);
    expect(readDebitFile(flat, { kind: 'request' })).toEqual(parsed);
  });

  it('round trip: export, the bank marks results, import sees each code and matching totals', () => {
    const outcomes = new Map<string, ResultCode>([
      ['00000000000000500002', 1],
      ['00000000000000500003', 3],
    ]);
    const result = readDebitFile(simulateBankResult(request, outcomes));
    expect(result.records.map((r) => r.resultCode)).toEqual([0, 1, 3]);
    expect(result.trailer).toEqual({
      count: 3,
      amount: 1000 + 2500 + 9_999_999_999,
      collectedCount: 1,
      collectedAmount: 1000,
      failedCount: 2,
      failedAmount: 2500 + 9_999_999_999,
    });
  });

  it('rejects a result file whose trailer disagrees with its records', () => {
    const result = simulateBankResult(request, new Map([['00000000000000500001', 1 as ResultCode]]));
    const tampered = Buffer.from(result);
    // 振替済件数 (20-25) of the trailer, the fifth record.
    tampered.write('000003', 4 * 122 + 19, 'latin1');
    expect(() => readDebitFile(tampered)).toThrow(
      /record 5: trailer 振替済件数 is 3 but the data records add up to 2/,
    );
  });

  it('rejects records of the wrong length, unknown codes and misplaced records', () => {
    const short = Buffer.from(request.toString('latin1').replace(/\r\n2/, '\r\n2 '), 'latin1');
    expect(() => splitRecords(short)).toThrow(/record 2: is 121 bytes/);
    const badCode = Buffer.from(request);
    badCode.write('7', 122 + 111, 'latin1');
    expect(() => readDebitFile(badCode)).toThrow(ZenginParseError);
    const notHeader = Buffer.from(request);
    notHeader.write('2', 0, 'latin1');
    expect(() => readDebitFile(notHeader)).toThrow(/record 1: the first record is not a header/);
    const wrongType = Buffer.from(request);
    wrongType.write('21', 1, 'latin1');
    expect(() => readDebitFile(wrongType)).toThrow(/種別コード "21" is not 91/);
    expect(() => readDebitFile(Buffer.alloc(119, 0x20))).toThrow(/not a multiple of 120/);
  });
});
