import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { sellerCondition, UNLIMITED_SCOPE, type StaffScope } from '../auth/scope';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { charges, sellers } from '../../../db/src/schema';
import { addDays, fromTokyo } from '../lib/tokyo';

export const SalesReportSchema = z
  .object({
    period: z.enum(['day', 'month']),
    /** 'YYYY-MM-DD' for a day, 'YYYY-MM' for a month. */
    key: z.string(),
    sellers: z.array(
      z.object({
        sellerId: z.number(),
        sellerName: z.string(),
        orders: z.number(),
        items: z.number(),
        /** Tax-inclusive sales per rate. */
        byRate: z.array(z.object({ taxRate: z.number(), amountYen: z.number() })),
        totalYen: z.number(),
        /** Per Tokyo day, for a month report. */
        days: z.array(z.object({ date: z.string(), orders: z.number(), totalYen: z.number() })),
      }),
    ),
  })
  .openapi('ShopSalesReport');
export type SalesReport = z.infer<typeof SalesReportSchema>;

/**
 * Sales of delivered goods per seller for a Tokyo day or month, from the charges ledger: the
 * same numbers the resident is billed (missing and cancelled lines never appear).
 */
export async function salesReport(
  db: DbOrTx,
  period: 'day' | 'month',
  key: string,
  scope: StaffScope = UNLIMITED_SCOPE,
): Promise<SalesReport> {
  const start = period === 'day' ? fromTokyo(key) : fromTokyo(`${key}-01`);
  const end = period === 'day' ? fromTokyo(addDays(key, 1)) : fromTokyo(`${nextMonth(key)}-01`);
  // Tokyo day of each charge: SQLite works in UTC, so shift by +9 h before taking the date.
  const day = sql<string>`date((${charges.occurredAt} / 1000) + 32400, 'unixepoch')`;
  const rows = await db
    .select({
      sellerId: charges.sellerId,
      sellerName: sellers.name,
      day,
      taxRate: charges.taxRate,
      orders: sql<number>`count(distinct ${charges.orderId})`,
      items: sql<number>`count(*)`,
      amountYen: sql<number>`sum(${charges.amountYen})`,
    })
    .from(charges)
    .innerJoin(sellers, eq(sellers.id, charges.sellerId))
    .where(
      and(
        eq(charges.kind, 'goods'),
        gte(charges.occurredAt, start),
        lt(charges.occurredAt, end),
        sellerCondition(scope, charges.sellerId),
      ),
    )
    .groupBy(charges.sellerId, day, charges.taxRate)
    .orderBy(asc(charges.sellerId), asc(day))
    .all();
  // Orders are counted distinctly over the whole period, not summed from the grouped rows.
  const orderCounts = await db
    .select({ sellerId: charges.sellerId, day, orders: sql<number>`count(distinct ${charges.orderId})` })
    .from(charges)
    .where(
      and(
        eq(charges.kind, 'goods'),
        gte(charges.occurredAt, start),
        lt(charges.occurredAt, end),
        sellerCondition(scope, charges.sellerId),
      ),
    )
    .groupBy(charges.sellerId, day)
    .all();
  const periodOrders = await db
    .select({ sellerId: charges.sellerId, orders: sql<number>`count(distinct ${charges.orderId})` })
    .from(charges)
    .where(
      and(
        eq(charges.kind, 'goods'),
        gte(charges.occurredAt, start),
        lt(charges.occurredAt, end),
        sellerCondition(scope, charges.sellerId),
      ),
    )
    .groupBy(charges.sellerId)
    .all();
  const report: SalesReport = { period, key, sellers: [] };
  for (const r of rows) {
    const sid = r.sellerId!;
    let s = report.sellers.find((x) => x.sellerId === sid);
    if (!s) {
      s = {
        sellerId: sid,
        sellerName: r.sellerName,
        orders: periodOrders.find((p) => p.sellerId === sid)?.orders ?? 0,
        items: 0,
        byRate: [],
        totalYen: 0,
        days: [],
      };
      report.sellers.push(s);
    }
    s.items += r.items;
    s.totalYen += r.amountYen;
    const rate = s.byRate.find((b) => b.taxRate === r.taxRate);
    if (rate) rate.amountYen += r.amountYen;
    else s.byRate.push({ taxRate: r.taxRate, amountYen: r.amountYen });
    let d = s.days.find((x) => x.date === r.day);
    if (!d) {
      d = {
        date: r.day,
        orders: orderCounts.find((o) => o.sellerId === sid && o.day === r.day)?.orders ?? 0,
        totalYen: 0,
      };
      s.days.push(d);
    }
    d.totalYen += r.amountYen;
  }
  for (const s of report.sellers) s.byRate.sort((a, b) => a.taxRate - b.taxRate);
  return report;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
