import { z } from 'zod';
import type { Sqlite } from '../../../db/src';
import { badRequest, notFound } from '../lib/errors';
import { tokyoDate, TokyoDateSchema } from '../lib/tokyo';
import { billingMonthRange } from './billing-month';
import { planDebitOutcome } from './plan-debit-outcome';
import type { ResultCode } from './zengin/types';

export type ReceivableCause = 'no_account' | 'mandate_pending' | 'mandate_stopped' | 'debit_failed';

/** Why money was not debited, as staff read it on the follow-up list. */
export function causeText(cause: ReceivableCause, resultCode: number | null): string {
  switch (cause) {
    case 'no_account':
      return '口座未登録';
    case 'mandate_pending':
      return '口座振替依頼書の手続き中';
    case 'mandate_stopped':
      return '口座振替停止中（再届出待ち）';
    case 'debit_failed':
      return `振替不能 ${resultCode} ${planDebitOutcome(resultCode as ResultCode).reason}`;
  }
}

/** The cause for a statement the export leaves out, from the household's mandate state. */
export const causeOfMandate = (status: string | null): ReceivableCause =>
  status === null ? 'no_account' : status === 'stopped' ? 'mandate_stopped' : 'mandate_pending';

/**
 * Puts a statement's uncollected amount on the follow-up list. Keyed by statement, so exporting
 * or importing again adds nothing. Call inside the transaction that decides it was not collected.
 */
export function recordReceivable(
  sqlite: Sqlite,
  r: {
    householdId: number;
    statementId: number;
    month: string;
    amountYen: number;
    cause: ReceivableCause;
    debitItemId?: number;
    resultCode?: number;
  },
  now: Date,
): number {
  return sqlite
    .prepare(
      `INSERT INTO receivables (household_id, statement_id, month, amount_yen, cause, debit_item_id, result_code,
         state, created_at) VALUES (?,?,?,?,?,?,?,'open',?) ON CONFLICT (statement_id) DO NOTHING`,
    )
    .run(
      r.householdId,
      r.statementId,
      r.month,
      r.amountYen,
      r.cause,
      r.debitItemId ?? null,
      r.resultCode ?? null,
      now.getTime(),
    ).changes;
}

/**
 * Part of a close: every amount still open on the follow-up list moves onto the household's
 * statement for `month` as an untaxed carry-over line (taxed where it first appeared), so it is
 * debited with that month, or, if that cannot be debited either, comes back on the list as part
 * of the new statement's amount. Returns how many were carried.
 */
export function carryOpenReceivables(sqlite: Sqlite, month: string, now: Date): number {
  const open = sqlite
    .prepare<
      [string],
      {
        id: number;
        householdId: number;
        month: string;
        amountYen: number;
        cause: string;
        code: number | null;
      }
    >(
      `SELECT id, household_id AS householdId, month, amount_yen AS amountYen, cause, result_code AS code
       FROM receivables WHERE state = 'open' AND month < ? ORDER BY id`,
    )
    .all(month);
  const insert = sqlite.prepare(
    `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, occurred_at, month, created_at)
     VALUES (?, 'carry_over', ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (source_key) DO NOTHING`,
  );
  const carried = sqlite.prepare(
    `UPDATE receivables SET state = 'carried', carried_into_month = ? WHERE id = ? AND state = 'open'`,
  );
  const at = billingMonthRange(month).start.getTime();
  for (const r of open) {
    const label = `${Number(r.month.slice(5))}月分`;
    const why = r.cause === 'debit_failed' ? '口座振替不能分' : '未収分';
    insert.run(
      r.householdId,
      `carry-over:receivable:${r.id}`,
      `${label} ${why}`,
      r.amountYen,
      at,
      month,
      now.getTime(),
    );
    carried.run(month, r.id);
  }
  return open.length;
}

export type FollowUp = {
  id: number;
  householdId: number;
  name: string;
  phone: string | null;
  month: string;
  amount: number;
  cause: ReceivableCause;
  resultCode: number | null;
  reason: string;
  mandateStatus: string | null;
};

/** The follow-up list: every amount billed and not collected, still open, oldest month first. */
export function listFollowUps(sqlite: Sqlite): FollowUp[] {
  return sqlite
    .prepare<[], Omit<FollowUp, 'reason'>>(
      `SELECT r.id, r.household_id AS householdId, h.name, h.phone, r.month, r.amount_yen AS amount, r.cause,
              r.result_code AS resultCode, a.mandate_status AS mandateStatus
       FROM receivables r JOIN households h ON h.id = r.household_id
       LEFT JOIN bank_accounts a ON a.household_id = r.household_id
       WHERE r.state = 'open'
       ORDER BY r.month, r.household_id`,
    )
    .all()
    .map((r) => ({ ...r, reason: causeText(r.cause, r.resultCode) }));
}

const tokyoDay = TokyoDateSchema;

/** How staff close an open amount: paid another way (how and when), or written off (why). */
export const ResolveFollowUpInput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('paid'),
    method: z.string().trim().min(1, '支払方法を入力してください').max(100),
    paidOn: tokyoDay,
  }),
  z.object({
    outcome: z.literal('written_off'),
    reason: z.string().trim().min(1, '理由を入力してください').max(500),
  }),
]);
export type ResolveFollowUp = z.infer<typeof ResolveFollowUpInput>;

/**
 * Takes an open amount off the follow-up list, naming the staff member. Only open amounts can be
 * settled: one already carried onto a later statement is settled there, so it is never collected
 * twice.
 */
export function resolveFollowUp(
  sqlite: Sqlite,
  id: number,
  input: ResolveFollowUp,
  staffId: number,
  now: Date,
): void {
  if (input.outcome === 'paid' && input.paidOn > tokyoDate(now)) {
    throw badRequest('invalid_request', '支払日が未来の日付です');
  }
  const res =
    input.outcome === 'paid'
      ? sqlite
          .prepare(
            `UPDATE receivables SET state = 'paid', paid_method = ?, paid_on = ?, resolved_by = ?, resolved_at = ?
             WHERE id = ? AND state = 'open'`,
          )
          .run(input.method, input.paidOn, staffId, now.getTime(), id)
      : sqlite
          .prepare(
            `UPDATE receivables SET state = 'written_off', write_off_reason = ?, resolved_by = ?, resolved_at = ?
             WHERE id = ? AND state = 'open'`,
          )
          .run(input.reason, staffId, now.getTime(), id);
  if (res.changes !== 1) throw notFound('Open follow-up');
}
