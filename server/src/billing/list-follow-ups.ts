import type { Sqlite } from '../../../db/src';
import { planDebitOutcome } from './plan-debit-outcome';
import type { ResultCode } from './zengin/types';

export type FollowUp = {
  debitItemId: number;
  householdId: number;
  name: string;
  phone: string | null;
  month: string;
  amount: number;
  resultCode: number;
  reason: string;
  mandateStatus: string | null;
};

/** Failed debits that staff have not marked as handled, newest first. */
export function listFollowUps(sqlite: Sqlite): FollowUp[] {
  return sqlite
    .prepare<[], Omit<FollowUp, 'reason'>>(
      `SELECT d.id AS debitItemId, d.household_id AS householdId, h.name, h.phone, b.month, d.amount,
              d.result_code AS resultCode, a.mandate_status AS mandateStatus
       FROM debit_items d JOIN debit_batches b ON b.id = d.batch_id JOIN households h ON h.id = d.household_id
       LEFT JOIN bank_accounts a ON a.household_id = d.household_id
       WHERE d.status = 'failed' AND d.followed_up_at IS NULL
       ORDER BY b.month DESC, d.household_id`,
    )
    .all()
    .map((r) => ({ ...r, reason: planDebitOutcome(r.resultCode as ResultCode).reason }));
}

export function markFollowedUp(sqlite: Sqlite, debitItemId: number, now: Date): boolean {
  return (
    sqlite
      .prepare(
        `UPDATE debit_items SET followed_up_at = ? WHERE id = ? AND status = 'failed' AND followed_up_at IS NULL`,
      )
      .run(now.getTime(), debitItemId).changes === 1
  );
}
