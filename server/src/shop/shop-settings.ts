import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { shopSettings } from '../../../db/src/schema';
import {
  defaultDeliveryCalendarSettings,
  deliveryCalendarSettingsSchema,
  type DeliveryCalendarSettings,
} from './calendar';

export const ShopSettingsSchema = z.object({
  calendar: deliveryCalendarSettingsSchema,
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
export function getShopSettings(db: DbOrTx): ShopSettings {
  return shopSettingsOf(db.select().from(shopSettings).where(eq(shopSettings.id, 1)).get());
}

/** The settings of a stored row (undefined: never changed, the defaults). */
export function shopSettingsOf(row: typeof shopSettings.$inferSelect | undefined): ShopSettings {
  if (!row) return defaultShopSettings;
  return {
    calendar: deliveryCalendarSettingsSchema.parse(row.calendar) as DeliveryCalendarSettings,
    maxOrderWeightG: row.maxOrderWeightG,
    maxLinesPerOrder: row.maxLinesPerOrder,
  };
}

export function saveShopSettings(db: DbOrTx, settings: ShopSettings, now: Date): void {
  const s = ShopSettingsSchema.parse(settings);
  db.insert(shopSettings)
    .values({ id: 1, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: shopSettings.id, set: { ...s, updatedAt: now } })
    .run();
}
