import { describe, expect, it } from 'vitest';
import type { DebitHeader, DebitRecord } from './types';
import {
  encodeDataRecord,
  encodeEndRecord,
  encodeHeaderRecord,
  encodeTrailerRecord,
  writeDebitFile,
} from './write-debit-file';

// Fixtures are spelled out byte by byte from the published layout (domain.md §4) and the
// JIS X 0201 table, independently of the code under test.
const ascii = (s: string) => Buffer.from(s, 'latin1');
const bytes = (...b: number[]) => Buffer.from(b);
const spaces = (n: number) => Buffer.alloc(n, 0x20);

const header: DebitHeader = {
  originatorCode: '1234567890',
  originatorName: 'ｴﾝｶﾞﾜ(ｲﾅｼ)',
  debitDate: { month: 12, day: 7 },
  originatorAccount: {
    bankCode: '0143',
    bankName: 'ﾊﾁｼﾞﾕｳﾆ',
    branchCode: '150',
    branchName: 'ｲﾅ',
    accountType: 1,
    accountNumber: '7654321',
  },
};

const hanako: DebitRecord = {
  account: {
    bankCode: '0143',
    bankName: 'ﾊﾁｼﾞﾕｳﾆ',
    branchCode: '150',
    branchName: 'ｲﾅ',
    accountType: 1,
    accountNumber: '12345',
  },
  holderName: 'ﾔﾏﾀﾞ ﾊﾅｺ',
  amount: 12345,
  newCode: 1,
  customerNumber: '987654',
  resultCode: 0,
};

const HEADER = Buffer.concat([
  ascii('1'), // 1 データ区分
  ascii('91'), // 2-3 種別コード
  ascii('0'), // 4 コード区分
  ascii('1234567890'), // 5-14 委託者コード
  bytes(0xb4, 0xdd, 0xb6, 0xde, 0xdc, 0x28, 0xb2, 0xc5, 0xbc, 0x29), // 15-24 ｴﾝｶﾞﾜ(ｲﾅｼ)
  spaces(30), // 25-54
  ascii('1207'), // 55-58 引落日
  ascii('0143'), // 59-62 取引銀行番号
  bytes(0xca, 0xc1, 0xbc, 0xde, 0xd5, 0xb3, 0xc6), // 63-69 ﾊﾁｼﾞﾕｳﾆ
  spaces(8), // 70-77
  ascii('150'), // 78-80 支店番号
  bytes(0xb2, 0xc5), // 81-82 ｲﾅ
  spaces(13), // 83-95
  ascii('1'), // 96 預金種目
  ascii('7654321'), // 97-103 口座番号
  spaces(17), // 104-120
]);

const DATA = Buffer.concat([
  ascii('2'), // 1
  ascii('0143'), // 2-5 引落銀行番号
  bytes(0xca, 0xc1, 0xbc, 0xde, 0xd5, 0xb3, 0xc6), // 6-12 ﾊﾁｼﾞﾕｳﾆ
  spaces(8), // 13-20
  ascii('150'), // 21-23
  bytes(0xb2, 0xc5), // 24-25 ｲﾅ
  spaces(13), // 26-38
  spaces(4), // 39-42
  ascii('1'), // 43 預金種目
  ascii('0012345'), // 44-50 口座番号
  bytes(0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xca, 0xc5, 0xba), // 51-58 ﾔﾏﾀﾞ ﾊﾅｺ
  spaces(22), // 59-80
  ascii('0000012345'), // 81-90 引落金額
  ascii('1'), // 91 新規コード
  ascii('00000000000000987654'), // 92-111 顧客番号
  ascii('0'), // 112 振替結果コード
  spaces(8), // 113-120
]);

const REQUEST_TRAILER = Buffer.concat([
  ascii('8'),
  ascii('000002'), // 2-7 合計件数
  ascii('000000013345'), // 8-19 合計金額
  ascii('000000'), // 20-25 振替済件数
  ascii('000000000000'), // 26-37 振替済金額
  ascii('000000'), // 38-43 振替不能件数
  ascii('000000000000'), // 44-55 振替不能金額
  spaces(65), // 56-120
]);

const END = Buffer.concat([ascii('9'), spaces(119)]);

describe('Zengin type-91 records, byte for byte', () => {
  it('header record', () => {
    expect(HEADER.length).toBe(120);
    expect(encodeHeaderRecord(header).equals(HEADER)).toBe(true);
  });

  it('data record', () => {
    expect(DATA.length).toBe(120);
    expect(encodeDataRecord(hanako).equals(DATA)).toBe(true);
  });

  it('data record with a name cut before a voicing mark', () => {
    // 29 single bytes then ﾀﾞ at 30-31: ﾀ would be alone in byte 30, so the field ends at 29 + a space.
    const longName = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿ ｱｲｳｴｵｶｷｸｹｺｻｼｽﾀﾞ';
    const rec = encodeDataRecord({ ...hanako, holderName: longName });
    expect(rec.length).toBe(120);
    expect(rec.subarray(50, 80).toString('latin1')).toBe(
      Buffer.concat([
        bytes(0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf, 0x20),
        bytes(0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd),
        spaces(1),
      ]).toString('latin1'),
    );
    // The amount that follows keeps its position.
    expect(rec.subarray(80, 90).toString('latin1')).toBe('0000012345');
  });

  it('trailer and end records', () => {
    const t = {
      count: 2,
      amount: 13345,
      collectedCount: 0,
      collectedAmount: 0,
      failedCount: 0,
      failedAmount: 0,
    };
    expect(encodeTrailerRecord(t).equals(REQUEST_TRAILER)).toBe(true);
    expect(encodeEndRecord().equals(END)).toBe(true);
  });

  it('a whole request file: records joined by CR LF, trailer totals from the data', () => {
    const second: DebitRecord = { ...hanako, amount: 1000, newCode: 0, customerNumber: '987655' };
    const file = writeDebitFile(header, [hanako, second]);
    const crlf = ascii('\r\n');
    const SECOND = Buffer.concat([
      DATA.subarray(0, 80),
      ascii('0000001000'),
      ascii('0'),
      ascii('00000000000000987655'),
      DATA.subarray(111),
    ]);
    const expected = Buffer.concat([
      HEADER,
      crlf,
      DATA,
      crlf,
      SECOND,
      crlf,
      REQUEST_TRAILER,
      crlf,
      END,
      crlf,
    ]);
    expect(file.length).toBe(5 * 122);
    expect(file.equals(expected)).toBe(true);
  });

  it('a result file carries collected and failed totals', () => {
    const failed: DebitRecord = {
      ...hanako,
      amount: 1000,
      newCode: 0,
      customerNumber: '987655',
      resultCode: 1,
    };
    const file = writeDebitFile(header, [hanako, failed], { kind: 'result' });
    const trailer = file.subarray(3 * 122, 3 * 122 + 120);
    expect(trailer.toString('latin1')).toBe(
      '8' +
        '000002' +
        '000000013345' +
        '000001' +
        '000000012345' +
        '000001' +
        '000000001000' +
        ' '.repeat(65),
    );
  });

  it('refuses a request record that already carries a result', () => {
    expect(() => writeDebitFile(header, [{ ...hanako, resultCode: 3 }])).toThrow(/result code 0/);
  });
});
