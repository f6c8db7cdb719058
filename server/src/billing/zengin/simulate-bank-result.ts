import { readDebitFile } from './read-debit-file';
import type { ResultCode } from './types';
import { writeDebitFile } from './write-debit-file';

/**
 * What the collecting bank sends back for a request file: the same records with 振替結果コード set
 * and the trailer's collected/failed totals filled in. Used for demos and the round-trip test;
 * customers absent from `outcomes` are collected.
 */
export function simulateBankResult(request: Buffer, outcomes: ReadonlyMap<string, ResultCode>): Buffer {
  const parsed = readDebitFile(request, { kind: 'request' });
  // 顧客番号 is a zero-filled N field: match "500002" and "00000000000000500002" alike.
  const byNumber = new Map([...outcomes].map(([k, v]) => [k.padStart(20, '0'), v]));
  const records = parsed.records.map((r) => ({
    ...r,
    resultCode: byNumber.get(r.customerNumber) ?? (0 as ResultCode),
  }));
  return writeDebitFile(parsed.header, records, { kind: 'result' });
}
