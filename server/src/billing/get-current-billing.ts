import { z } from '@hono/zod-openapi';
import type { Sqlite } from '../../../db/src';
import { billingMonthOf } from './billing-month';
import { debitFailureNotice } from './plan-debit-outcome';
import type { ResultCode } from './zengin/types';

export const CurrentBillingSchema = z
  .object({
    month: z.string().openapi({ example: '2026-11' }),
    /** Tax-inclusive yen charged so far this month, carry-overs included. */
    runningTotal: z.number().int(),
    membership: z.number().int(),
    goods: z.number().int(),
    rides: z.number().int(),
    carriedOver: z.number().int(),
    other: z.number().int(),
    lastStatement: z
      .object({
        month: z.string(),
        amountDue: z.number().int(),
        status: z.enum(['none', 'requested', 'paid', 'failed']),
      })
      .nullable(),
    /** Plain Japanese notice after a failed debit, or null. */
    notice: z.string().nullable(),
  })
  .openapi('CurrentBilling');

export type CurrentBilling = z.infer<typeof CurrentBillingSchema>;

/** What the TV shows: this month's running total by kind, the last statement, and any debit-failure notice. */
export function getCurrentBilling(sqlite: Sqlite, householdId: number, now: Date): CurrentBilling {
  const month = billingMonthOf(now);
  const sums = sqlite
    .prepare<[number, string], { kind: string; total: number }>(
      'SELECT kind, sum(amount_yen) AS total FROM charges WHERE household_id = ? AND month = ? GROUP BY kind',
    )
    .all(householdId, month);
  const by = (k: string) => sums.find((s) => s.kind === k)?.total ?? 0;
  // Still owed from earlier months: the next close carries it onto this month's statement.
  const owed = sqlite
    .prepare<[number], number>(
      "SELECT coalesce(sum(amount_yen), 0) FROM receivables WHERE household_id = ? AND state = 'open'",
    )
    .pluck()
    .get(householdId)!;
  const runningTotal = sums.reduce((a, s) => a + s.total, 0) + owed;

  const last = sqlite
    .prepare<[number], { id: number; month: string; amountDue: number }>(
      // Only a closed month's statement: a close in progress writes statements before it is done.
      `SELECT s.id, s.month, s.amount_due AS amountDue FROM statements s JOIN billing_closes b ON b.month = s.month
       WHERE s.household_id = ? ORDER BY s.month DESC LIMIT 1`,
    )
    .get(householdId);
  // The newest debit decides the notice: once a later debit succeeds, the old failure is no news.
  const debit = sqlite
    .prepare<
      [number],
      {
        status: 'requested' | 'paid' | 'failed';
        code: number | null;
        amount: number;
        month: string;
        statementId: number;
      }
    >(
      `SELECT d.status, d.result_code AS code, d.amount, b.month, d.statement_id AS statementId
       FROM debit_items d JOIN debit_batches b ON b.id = d.batch_id
       WHERE d.household_id = ? ORDER BY b.month DESC LIMIT 1`,
    )
    .get(householdId);
  const notice =
    debit && debit.status === 'failed' && debit.code !== null
      ? debitFailureNotice(debit.code as ResultCode, debit.amount, debit.month)
      : null;
  return {
    month,
    runningTotal,
    membership: by('membership'),
    goods: by('goods'),
    rides: by('ride'),
    carriedOver: by('carry_over') + owed,
    other: by('adjustment'),
    lastStatement: last
      ? {
          month: last.month,
          amountDue: last.amountDue,
          status: debit && debit.statementId === last.id ? debit.status : 'none',
        }
      : null,
    notice,
  };
}
