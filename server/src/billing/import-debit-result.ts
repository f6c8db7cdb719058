import type { Sqlite } from '../../../db/src';
import { conflict, unprocessable } from '../lib/errors';
import { formatJaDate, tokyoDate } from '../lib/tokyo';
import { recordReceivable } from './list-follow-ups';
import { planDebitOutcome } from './plan-debit-outcome';
import { ZenginParseError } from './zengin/errors';
import { readDebitFile } from './zengin/read-debit-file';
import type { DebitFile } from './zengin/types';

export type ImportResult = {
  batchId: number;
  month: string;
  paid: number;
  failed: number;
  /** Failed debits put on the follow-up list (carried onto the next statement at the next close). */
  followUps: number;
  mandatesStopped: number;
  /** Records that had already been imported with the same result. */
  unchanged: number;
};

const jaDate = (date: string) => `${date.slice(0, 4)}年${formatJaDate(date)}`;

type Item = {
  id: number;
  householdId: number;
  statementId: number;
  amount: number;
  status: string;
  resultCode: number | null;
};

/**
 * Applies the bank's result file: each debit becomes paid or failed with its 振替結果コード; a
 * failed amount is carried into the open month's ledger, and codes 2/3/4 stop the mandate. The
 * whole file is checked against the batch first and applied in one transaction; importing the
 * same file again changes nothing.
 */
export function importDebitResult(sqlite: Sqlite, file: Buffer, now: Date): ImportResult {
  let parsed: DebitFile;
  try {
    parsed = readDebitFile(file, { kind: 'result' });
  } catch (e) {
    if (e instanceof ZenginParseError) throw unprocessable('invalid_result_file', e.message);
    throw e;
  }
  const mmdd = `${String(parsed.header.debitDate.month).padStart(2, '0')}-${String(parsed.header.debitDate.day).padStart(2, '0')}`;
  const batch = sqlite
    .prepare<[string], { id: number; month: string; n: number; debitDate: string }>(
      `SELECT id, month, record_count AS n, debit_date AS debitDate FROM debit_batches
       WHERE substr(debit_date, 6) = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(mmdd);
  if (!batch) throw unprocessable('unknown_batch', `no exported debit batch has the debit date ${mmdd}`);
  // The bank cannot know a debit's outcome before the debit day: such a file is a test file, a
  // file for another year's batch with the same MMDD, or a forgery, never a real result.
  const today = tokyoDate(now);
  if (today < batch.debitDate) {
    throw unprocessable(
      'result_before_debit_date',
      `引落日（${jaDate(batch.debitDate)}）より前に振替結果は届きません。本日は${jaDate(today)}です。ファイルを確認してください`,
    );
  }
  if (parsed.records.length !== batch.n) {
    throw unprocessable(
      'batch_mismatch',
      `the result has ${parsed.records.length} records but the batch for ${batch.month} sent ${batch.n}`,
    );
  }

  const findItem = sqlite.prepare<[number, string], Item>(
    `SELECT id, household_id AS householdId, statement_id AS statementId, amount, status, result_code AS resultCode
     FROM debit_items WHERE batch_id = ? AND customer_number = ?`,
  );
  const plan = parsed.records.map((r, i) => {
    const item = findItem.get(batch.id, r.customerNumber);
    if (!item)
      throw unprocessable(
        'batch_mismatch',
        `record ${i + 2}: customer ${r.customerNumber} was not in the batch`,
      );
    if (item.amount !== r.amount) {
      throw unprocessable(
        'batch_mismatch',
        `record ${i + 2}: amount ${r.amount} differs from the ${item.amount} requested`,
      );
    }
    if (item.status !== 'requested' && item.resultCode !== r.resultCode) {
      throw conflict(
        'result_already_imported',
        `customer ${r.customerNumber} already has result ${item.resultCode}; the file says ${r.resultCode}`,
      );
    }
    return { item, code: r.resultCode };
  });

  const out: ImportResult = {
    batchId: batch.id,
    month: batch.month,
    paid: 0,
    failed: 0,
    followUps: 0,
    mandatesStopped: 0,
    unchanged: 0,
  };
  sqlite.transaction(() => {
    const setResult = sqlite.prepare(
      'UPDATE debit_items SET status = ?, result_code = ?, result_at = ? WHERE id = ?',
    );
    const stop = sqlite.prepare(
      `UPDATE bank_accounts SET mandate_status = 'stopped', stopped_reason = ?, updated_at = ? WHERE household_id = ?`,
    );
    for (const { item, code } of plan) {
      if (item.status !== 'requested') {
        out.unchanged++;
        continue;
      }
      const o = planDebitOutcome(code);
      setResult.run(o.status, code, now.getTime(), item.id);
      if (o.status === 'paid') {
        out.paid++;
        continue;
      }
      out.failed++;
      if (o.carryOver) {
        out.followUps += recordReceivable(
          sqlite,
          {
            householdId: item.householdId,
            statementId: item.statementId,
            month: batch.month,
            amountYen: item.amount,
            cause: 'debit_failed',
            debitItemId: item.id,
            resultCode: code,
          },
          now,
        );
      }
      if (o.stopDebits) {
        stop.run(`${code} ${o.reason}`, now.getTime(), item.householdId);
        out.mandatesStopped++;
      }
    }
    const t = parsed.trailer;
    sqlite
      .prepare(
        `UPDATE debit_batches SET imported_at = coalesce(imported_at, ?), collected_count = ?, collected_amount = ?,
           failed_count = ?, failed_amount = ? WHERE id = ?`,
      )
      .run(now.getTime(), t.collectedCount, t.collectedAmount, t.failedCount, t.failedAmount, batch.id);
  })();
  return out;
}
