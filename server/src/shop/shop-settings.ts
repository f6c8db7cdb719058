import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { shopSettings } from '../../../db/src/schema';
import {
  defaultDeliveryCalendarSettings,
  deliveryCalendarSettingsSchema,
  nextDeliveryDay,
  SEARCH_LIMIT_DAYS,
  type DeliveryCalendarSettings,
} from './calendar';

import { badRequest, unprocessable } from '../lib/errors';
import { tokyoDate } from '../lib/tokyo';

export const ShopSettingsSchema = z.object({
  // Without a delivery weekday the shop could take no order at all: refused when saved.
  calendar: deliveryCalendarSettingsSchema.refine((c) => c.deliveryWeekdays.length > 0, {
    path: ['deliveryWeekdays'],
    message: 'お届けする曜日を1つ以上選んでください',
  }),
  /** Heaviest order that can be delivered at all (by car; drones take up to 5 kg). */
  maxOrderWeightG: z.number().int().min(1000).max(50_000),
  maxLinesPerOrder: z.number().int().min(1).max(100),
});
export type ShopSettings = z.infer<typeof ShopSettingsSchema>;

export const defaultShopSettings: ShopSettings = {
  calendar: defaultDeliveryCalendarSettings,
  // A volunteer carries the parcel from the hall to the door: 15 kg is what the city accepts.
  maxOrderWeightG: 15_000,
  maxLinesPerOrder: 30,
};

/** The shop's rules: the stored row when an operator changed them, the defaults otherwise. */
export async function getShopSettings(db: DbOrTx): Promise<ShopSettings> {
  return shopSettingsOf(await db.select().from(shopSettings).where(eq(shopSettings.id, 1)).get());
}

/** The settings of a stored row (undefined: never changed, the defaults). */
export function shopSettingsOf(row: typeof shopSettings.$inferSelect | undefined): ShopSettings {
  if (!row) return defaultShopSettings;
  const calendar = deliveryCalendarSettingsSchema.safeParse(row.calendar);
  // A stored calendar from outside the form refuses the shop with a message, never a 500.
  if (!calendar.success)
    throw unprocessable('settings_invalid', '設定に誤りがあるため、ただいまご注文を受けられません。');
  return {
    calendar: calendar.data as DeliveryCalendarSettings,
    maxOrderWeightG: row.maxOrderWeightG,
    maxLinesPerOrder: row.maxLinesPerOrder,
  };
}

export async function saveShopSettings(db: DbOrTx, settings: ShopSettings, now: Date): Promise<void> {
  const s = ShopSettingsSchema.parse(settings);
  // e.g. every date of the coming year closed: no order could be placed or delivered.
  try {
    nextDeliveryDay(tokyoDate(now), s.calendar);
  } catch {
    throw badRequest('invalid_settings', `これから${SEARCH_LIMIT_DAYS}日の間にお届けする日がありません`);
  }
  await db
    .insert(shopSettings)
    .values({ id: 1, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: shopSettings.id, set: { ...s, updatedAt: now } })
    .run();
}
