import type { Sqlite } from '../../../db/src';
import { conflict, notFound, unprocessable } from '../lib/errors';
import { debitDateFor } from './billing-month';
import type { BillingSettings } from './billing-settings';
import { causeOfMandate, causeText, recordReceivable, type ReceivableCause } from './list-follow-ups';
import { ZenginFormatError } from './zengin/errors';
import { normalizeKanaName } from './zengin/normalize-kana-name';
import type { AccountType, DebitHeader, DebitRecord, NewCode } from './zengin/types';
import { debitFileChunks } from './zengin/write-debit-file';

export type ExportResult = {
  batchId: number;
  month: string;
  debitDate: string;
  recordCount: number;
  totalAmount: number;
  /** Statements with money due that were not debited; each is on the follow-up list. */
  skipped: {
    householdId: number;
    statementId: number;
    name: string;
    amountDue: number;
    cause: ReceivableCause;
    reason: string;
  }[];
  alreadyExported: boolean;
};

type Row = {
  statementId: number;
  householdId: number;
  name: string;
  customerNo: string;
  amountDue: number;
  bankCode: string | null;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  accountNumber: string;
  holderKana: string;
  mandateStatus: string | null;
  nextNewCode: NewCode;
};

/**
 * 顧客番号 is a 20-digit N field; cable customer numbers carry a letter prefix (ICTV100017), so the
 * debit file uses their digits, which the operator keeps unique.
 */
export function debitCustomerNumber(cableCustomerNo: string, who: string): string {
  const digits = cableCustomerNo.replace(/\D/g, '');
  if (!digits || digits.length > 20) {
    throw new ZenginFormatError(
      `household ${who}: cable customer number "${cableCustomerNo}" has no usable digits`,
    );
  }
  return digits.padStart(20, '0');
}

export function debitHeaderFor(settings: BillingSettings, debitDate: string): DebitHeader {
  const o = settings.originator;
  return {
    originatorCode: o.code,
    originatorName: normalizeKanaName(o.nameKana, { field: '委託者名' }),
    debitDate: { month: Number(debitDate.slice(5, 7)), day: Number(debitDate.slice(8, 10)) },
    originatorAccount: {
      bankCode: o.bankCode,
      bankName: normalizeKanaName(o.bankNameKana, { field: '取引銀行名' }),
      branchCode: o.branchCode,
      branchName: normalizeKanaName(o.branchNameKana, { field: '取引支店名' }),
      accountType: o.accountType,
      accountNumber: o.accountNumber,
    },
  };
}

/**
 * Builds the month's 口座振替 request file from its closed statements: one record per household
 * with money due and an active mandate. Names are normalised again and every household whose
 * details cannot be encoded is reported at once, naming it, before anything is written. The file
 * is stored with its batch, so exporting again returns the same bytes.
 */
export function exportDebitBatch(
  sqlite: Sqlite,
  month: string,
  now: Date,
  settings: BillingSettings,
): ExportResult & { file: Buffer } {
  const closed = sqlite.prepare('SELECT 1 FROM billing_closes WHERE month = ?').get(month);
  if (!closed) throw conflict('month_not_closed', `close ${month} before exporting its debit file`);
  const existing = sqlite
    .prepare<[string], { id: number; debitDate: string; n: number; total: number; file: Buffer }>(
      `SELECT id, debit_date AS debitDate, record_count AS n, total_amount AS total, request_file AS file
       FROM debit_batches WHERE month = ?`,
    )
    .get(month);
  const skipped = listSkipped(sqlite, month);
  if (existing) {
    return {
      batchId: existing.id,
      month,
      debitDate: existing.debitDate,
      recordCount: existing.n,
      totalAmount: existing.total,
      skipped,
      alreadyExported: true,
      file: existing.file,
    };
  }

  // Read a page of statements at a time and encode each record as it is read, so memory stays flat
  // however many households there are.
  const page = sqlite.prepare<[string, number], Row>(
    `SELECT s.id AS statementId, s.household_id AS householdId, s.recipient_name AS name,
            s.cable_customer_no AS customerNo, s.amount_due AS amountDue,
            b.bank_code AS bankCode, b.bank_name AS bankName, b.branch_code AS branchCode,
            b.branch_name AS branchName, b.account_type AS accountType, b.account_number AS accountNumber,
            b.holder_kana AS holderKana, b.mandate_status AS mandateStatus, b.next_new_code AS nextNewCode
     FROM statements s JOIN bank_accounts b ON b.household_id = s.household_id
     WHERE s.month = ? AND s.amount_due > 0 AND b.mandate_status = 'active' AND s.id > ?
     ORDER BY s.id LIMIT 5000`,
  );
  // Bank and branch names repeat across thousands of households: normalise each spelling once.
  const names = new Map<string, string>();
  const bankText = (text: string, who: string, field: string) => {
    let out = names.get(text);
    if (out === undefined) names.set(text, (out = normalizeKanaName(text, { household: who, field })));
    return out;
  };
  const errors: string[] = [];
  const seen = new Map<string, number>();
  let recordCount = 0;
  let totalAmount = 0;
  const debitDate = debitDateFor(month, settings.debitDay);

  return sqlite.transaction(() => {
    const batchId = Number(
      sqlite
        .prepare(
          `INSERT INTO debit_batches (month, debit_date, record_count, total_amount, request_file, created_at)
           VALUES (?, ?, 0, 0, x'', ?)`,
        )
        .run(month, debitDate, now.getTime()).lastInsertRowid,
    );
    const insertItem = sqlite.prepare(
      `INSERT INTO debit_items (batch_id, household_id, statement_id, customer_number, amount, new_code, status)
       VALUES (?,?,?,?,?,?,'requested')`,
    );
    const clearNewCode = sqlite.prepare('UPDATE bank_accounts SET next_new_code = 0 WHERE household_id = ?');
    // What is not debited is still owed: it goes on the follow-up list with the batch that left it out.
    for (const k of skipped) {
      recordReceivable(
        sqlite,
        {
          householdId: k.householdId,
          statementId: k.statementId,
          month,
          amountYen: k.amountDue,
          cause: k.cause,
        },
        now,
      );
    }

    function* records(): Generator<DebitRecord> {
      let after = 0;
      for (;;) {
        const rows = page.all(month, after);
        if (!rows.length) return;
        after = rows.at(-1)!.statementId;
        for (const r of rows) {
          const who = `${r.householdId} ${r.name}`;
          let record: DebitRecord;
          try {
            const customerNumber = debitCustomerNumber(r.customerNo, who);
            if (seen.has(customerNumber)) {
              throw new ZenginFormatError(
                `household ${who}: customer number ${customerNumber} is also household ${seen.get(customerNumber)}'s`,
              );
            }
            seen.set(customerNumber, r.householdId);
            record = {
              account: {
                bankCode: r.bankCode!,
                bankName: bankText(r.bankName, who, '銀行名'),
                branchCode: r.branchCode,
                branchName: bankText(r.branchName, who, '支店名'),
                accountType: r.accountType,
                accountNumber: r.accountNumber,
              },
              holderName: normalizeKanaName(r.holderKana, { household: who, field: '預金者名' }),
              amount: r.amountDue,
              newCode: r.nextNewCode,
              customerNumber,
              resultCode: 0,
            };
          } catch (e) {
            if (e instanceof ZenginFormatError) {
              errors.push(e.message);
              continue;
            }
            throw e;
          }
          insertItem.run(
            batchId,
            r.householdId,
            r.statementId,
            record.customerNumber,
            record.amount,
            record.newCode,
          );
          if (record.newCode !== 0) clearNewCode.run(r.householdId);
          recordCount++;
          totalAmount += record.amount;
          yield record;
        }
      }
    }

    const file = Buffer.concat([...debitFileChunks(debitHeaderFor(settings, debitDate), records())]);
    if (errors.length) {
      // Thrown inside the transaction: the batch and its items are rolled back.
      throw unprocessable(
        'unencodable_bank_details',
        `${errors.length} household(s) cannot be debited:\n${errors.join('\n')}`,
        errors,
      );
    }
    sqlite
      .prepare('UPDATE debit_batches SET record_count = ?, total_amount = ?, request_file = ? WHERE id = ?')
      .run(recordCount, totalAmount, file, batchId);
    return { batchId, month, debitDate, recordCount, totalAmount, skipped, alreadyExported: false, file };
  })();
}

function listSkipped(sqlite: Sqlite, month: string): ExportResult['skipped'] {
  return sqlite
    .prepare<
      [string],
      { householdId: number; statementId: number; name: string; amountDue: number; status: string | null }
    >(
      `SELECT s.household_id AS householdId, s.id AS statementId, s.recipient_name AS name, s.amount_due AS amountDue,
              b.mandate_status AS status
       FROM statements s LEFT JOIN bank_accounts b ON b.household_id = s.household_id
       WHERE s.month = ? AND s.amount_due > 0 AND (b.mandate_status IS NULL OR b.mandate_status <> 'active')
       ORDER BY s.household_id`,
    )
    .all(month)
    .map(({ status, ...r }) => {
      const cause = causeOfMandate(status);
      return { ...r, cause, reason: causeText(cause, null) };
    });
}

export function getDebitFile(sqlite: Sqlite, month: string): Buffer {
  const row = sqlite
    .prepare<[string], { file: Buffer }>('SELECT request_file AS file FROM debit_batches WHERE month = ?')
    .get(month);
  if (!row) throw notFound(`Debit file for ${month}`);
  return row.file;
}
