import { fromTokyo } from '../lib/tokyo';
import type { ShopSettings } from './shop-settings';

/** The instant after which an order can no longer be cancelled or changed: its day's cut-off. */
export function orderDeadline(deliveryDate: string, settings: ShopSettings): Date {
  return fromTokyo(deliveryDate, settings.calendar.cutoff);
}
