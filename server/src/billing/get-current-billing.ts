import { z } from '@hono/zod-openapi';
import type { Sqlite } from '../../../db/src';
import { billingMonthOf, debitDateFor } from './billing-month';
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from './billing-settings';
import { planMembershipCharges } from './plan-membership-charges';
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
    /** Tokyo date ('YYYY-MM-DD') on which this month's total is debited: the debit day of next month. */
    debitDate: z.string().openapi({ example: '2026-12-28' }),
    /**
     * Booked and not yet delivered (orders) or ridden (rides): not charged yet, not in the total,
     * and never charged if cancelled. Charged in the month they are delivered or ridden.
     */
    planned: z.object({
      orders: z.object({ count: z.number().int(), yen: z.number().int() }),
      rides: z.object({ count: z.number().int(), yen: z.number().int() }),
    }),
  })
  .openapi('CurrentBilling');

export type CurrentBilling = z.infer<typeof CurrentBillingSchema>;

/** Orders not yet delivered and rides not yet ridden: what the household will be charged if they happen. */
function plannedOf(sqlite: Sqlite, householdId: number): CurrentBilling['planned'] {
  const orders = sqlite
    .prepare<[number], { count: number; yen: number }>(
      `SELECT count(*) AS count, coalesce(sum(total_yen), 0) AS yen FROM orders
       WHERE household_id = ? AND status IN ('received', 'preparing', 'in_transit', 'at_hall')`,
    )
    .get(householdId)!;
  // A ride's fare is fixed per rider when booked; the charge is written at the drop-off.
  const rides = sqlite
    .prepare<[number], { count: number; yen: number }>(
      `SELECT count(*) AS count, coalesce(sum((SELECT sum(value) FROM json_each(fares))), 0) AS yen
       FROM taxi_bookings WHERE household_id = ? AND status IN ('booked', 'on_board')`,
    )
    .get(householdId)!;
  return { orders, rides };
}

/**
 * The month's membership fee: the one the close wrote or, before the close, the one it will write
 * (by the same rule, so the TV never shows a fee the household will not pay).
 */
function membershipOf(
  sqlite: Sqlite,
  householdId: number,
  month: string,
  written: number,
  settings: BillingSettings,
): number {
  if (written !== 0) return written;
  const h = sqlite
    .prepare<[number], { id: number; shopMemberSince: string | null }>(
      'SELECT id, shop_member_since AS shopMemberSince FROM households WHERE id = ?',
    )
    .get(householdId);
  if (!h) return 0;
  return planMembershipCharges([h], month, settings.membership)[0]?.amountYen ?? 0;
}

/**
 * What the TV shows: this month's running total by kind (the membership fee included before the
 * close writes it), when it is debited, what is booked but not charged yet, the last statement,
 * and any debit-failure notice.
 */
export function getCurrentBilling(
  sqlite: Sqlite,
  householdId: number,
  now: Date,
  settings: BillingSettings = DEFAULT_BILLING_SETTINGS,
): CurrentBilling {
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
  const membership = membershipOf(sqlite, householdId, month, by('membership'), settings);
  const runningTotal = sums.reduce((a, s) => a + s.total, 0) - by('membership') + membership + owed;

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
    membership,
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
    debitDate: debitDateFor(month, settings.debitDay),
    planned: plannedOf(sqlite, householdId),
  };
}
