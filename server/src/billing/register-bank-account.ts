import { z } from '@hono/zod-openapi';
import type { Sqlite } from '../../../db/src';
import { notFound, unprocessable } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';
import { ZenginFormatError } from './zengin/errors';
import { normalizeKanaName } from './zengin/normalize-kana-name';

export const BankAccountInput = z
  .object({
    bankCode: z.string().regex(/^\d{4}$/, '4 digits'),
    bankName: z.string().trim().min(1).max(40),
    branchCode: z.string().regex(/^\d{3}$/, '3 digits'),
    branchName: z.string().trim().min(1).max(40),
    accountType: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(9)])),
    accountNumber: z.string().regex(/^\d{1,7}$/, 'up to 7 digits'),
    holderKana: z.string().trim().min(1).max(60),
  })
  .openapi('BankAccountInput');

export type BankAccountInput = z.infer<typeof BankAccountInput>;

/**
 * Records a household's bank account from a received 口座振替依頼書. Names are normalised to
 * half-width kana now, so a name the bank file cannot carry is refused at the counter rather than
 * at export. A new or changed account starts an active mandate and flags the next debit as
 * new (新規コード 1) or changed (2).
 */
export function registerBankAccount(sqlite: Sqlite, householdId: number, input: BankAccountInput, now: Date) {
  const household = sqlite
    .prepare<[number], { name: string }>('SELECT name FROM households WHERE id = ?')
    .get(householdId);
  if (!household) throw notFound('Household');
  const who = `${householdId} ${household.name}`;
  let names: { bankName: string; branchName: string; holderKana: string };
  try {
    names = {
      bankName: normalizeKanaName(input.bankName, { household: who, field: '銀行名' }),
      branchName: normalizeKanaName(input.branchName, { household: who, field: '支店名' }),
      holderKana: normalizeKanaName(input.holderKana, { household: who, field: '口座名義（カナ）' }),
    };
  } catch (e) {
    if (e instanceof ZenginFormatError) throw unprocessable('unencodable_name', e.message);
    throw e;
  }
  const existing = sqlite
    .prepare<[number], { id: number }>('SELECT id FROM bank_accounts WHERE household_id = ?')
    .get(householdId);
  const row = {
    householdId,
    bankCode: input.bankCode,
    branchCode: input.branchCode,
    accountType: input.accountType,
    accountNumber: input.accountNumber.padStart(7, '0'),
    ...names,
    mandateSince: tokyoDate(now),
    nextNewCode: existing ? 2 : 1,
    updatedAt: now.getTime(),
  };
  sqlite
    .prepare(
      `INSERT INTO bank_accounts (household_id, bank_code, bank_name, branch_code, branch_name, account_type, account_number,
         holder_kana, mandate_status, mandate_since, next_new_code, stopped_reason, updated_at)
       VALUES (@householdId, @bankCode, @bankName, @branchCode, @branchName, @accountType, @accountNumber, @holderKana,
         'active', @mandateSince, @nextNewCode, NULL, @updatedAt)
       ON CONFLICT (household_id) DO UPDATE SET bank_code = excluded.bank_code, bank_name = excluded.bank_name,
         branch_code = excluded.branch_code, branch_name = excluded.branch_name, account_type = excluded.account_type,
         account_number = excluded.account_number, holder_kana = excluded.holder_kana, mandate_status = 'active',
         mandate_since = excluded.mandate_since, next_new_code = excluded.next_new_code, stopped_reason = NULL,
         updated_at = excluded.updated_at`,
    )
    .run(row);
  return { householdId, ...names, mandateStatus: 'active' as const, nextNewCode: row.nextNewCode };
}
