import { addMonths, billingMonthRange } from './billing-month';

export type MembershipConfig = {
  /** Tax-inclusive monthly fee in yen (1,000 in Ina). */
  feeYen: number;
  /** Charge the month the household joins, or start the month after. */
  chargeJoiningMonth: boolean;
};

export const DEFAULT_MEMBERSHIP: MembershipConfig = { feeYen: 1000, chargeJoiningMonth: true };

export type MembershipCharge = {
  householdId: number;
  kind: 'membership';
  sourceKey: string;
  description: string;
  amountYen: number;
  taxRate: 10;
  month: string;
  occurredAt: Date;
};

/**
 * The membership fee rows for a month, one per shopping member. The source key makes writing
 * them idempotent, so the close can plan them every time it runs.
 */
export function planMembershipCharges(
  households: Iterable<{ id: number; shopMemberSince: string | null }>,
  month: string,
  config: MembershipConfig = DEFAULT_MEMBERSHIP,
): MembershipCharge[] {
  const { start } = billingMonthRange(month);
  const out: MembershipCharge[] = [];
  for (const h of households) {
    if (!h.shopMemberSince) continue;
    const joined = h.shopMemberSince.slice(0, 7);
    const firstBilled = config.chargeJoiningMonth ? joined : addMonths(joined, 1);
    if (firstBilled > month) continue;
    out.push({
      householdId: h.id,
      kind: 'membership',
      sourceKey: `membership:${h.id}:${month}`,
      description: `ゆうあいマーケット月会費（${Number(month.slice(5))}月分）`,
      amountYen: config.feeYen,
      taxRate: 10,
      month,
      occurredAt: start,
    });
  }
  return out;
}
