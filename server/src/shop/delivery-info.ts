import { eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households } from '../../../db/src/schema';
import { formatJaDate } from '../lib/tokyo';
import { notFound } from '../lib/errors';
import { deliveryDayFor } from './calendar';
import { getShopSettings } from './shop-settings';

export const DeliveryInfoSchema = z
  .object({
    date: z.string(),
    isToday: z.boolean(),
    cutoff: z.string(),
    hallName: z.string(),
    /** Japanese sentence for the screen. */
    message: z.string(),
  })
  .openapi('ShopDeliveryInfo');
export type DeliveryInfo = z.infer<typeof DeliveryInfoSchema>;

/** When an order placed now arrives, and where, in words for the resident. */
export async function getDeliveryInfo(db: DbOrTx, householdId: number, now: Date): Promise<DeliveryInfo> {
  const row = await db
    .select({ hallName: hamlets.hallName })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, householdId))
    .get();
  if (!row) throw notFound('Household');
  const { calendar } = await getShopSettings(db);
  const day = deliveryDayFor(now, calendar);
  const message = day.isToday
    ? `今、注文すると 今日の夕方に ${row.hallName} に届きます（${calendar.cutoff} までの注文）`
    : `今、注文すると ${formatJaDate(day.date)} の夕方に ${row.hallName} に届きます`;
  return { date: day.date, isToday: day.isToday, cutoff: calendar.cutoff, hallName: row.hallName, message };
}
