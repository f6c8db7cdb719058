import type { Sqlite } from '../../../db/src';
import { fromTokyo } from '../lib/tokyo';

let seq = 0;

/** Writes a ledger row the way the shop and taxi features do (tests only). */
export function addCharge(
  sqlite: Sqlite,
  c: {
    householdId: number;
    kind: 'goods' | 'ride' | 'adjustment' | 'carry_over';
    amountYen: number;
    taxRate?: number;
    month: string;
    day?: string;
    sellerId?: number | null;
    orderId?: number | null;
    description?: string;
  },
): number {
  const at = fromTokyo(`${c.month}-${c.day ?? '10'}`, '10:00').getTime();
  return Number(
    sqlite
      .prepare(
        `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, seller_id, order_id,
           occurred_at, month, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        c.householdId,
        c.kind,
        `test:${c.kind}:${++seq}`,
        c.description ?? (c.kind === 'goods' ? '牛乳' : '乗合タクシー'),
        c.amountYen,
        c.taxRate ?? (c.kind === 'goods' ? 8 : 10),
        c.sellerId ?? null,
        c.orderId ?? null,
        at,
        c.month,
        at,
      ).lastInsertRowid,
  );
}

/** 00:30 Tokyo on the 1st of the month after `month`: when the close job runs. */
export const closeTime = (nextMonth: string) => fromTokyo(`${nextMonth}-01`, '00:30');
