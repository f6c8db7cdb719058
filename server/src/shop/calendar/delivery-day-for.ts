import type { DeliveryCalendarSettings } from './delivery-calendar-settings';
import { isDeliveryDay } from './is-delivery-day';
import { unprocessable } from '../../lib/errors';
import { addDays, tokyoDate, tokyoParts } from '../../lib/tokyo';

export interface DeliveryDay {
  /** Tokyo date the order is delivered, 'YYYY-MM-DD'. */
  date: string;
  /** True when the order is delivered this evening. */
  isToday: boolean;
}

// A year of closed days would be a configuration mistake, not a calendar.
export const SEARCH_LIMIT_DAYS = 366;

export const NO_DELIVERY_DAY_MESSAGE = '現在、お届けできる日がありません。お店にお問い合わせください。';

/** The first delivery day strictly after `date`. */
export function nextDeliveryDay(date: string, settings: DeliveryCalendarSettings): string {
  let candidate = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    candidate = addDays(candidate, 1);
    if (isDeliveryDay(candidate, settings)) return candidate;
  }
  // The settings form refuses such a calendar; one stored otherwise is the resident's 4xx, not a 500.
  throw unprocessable('no_delivery_day', NO_DELIVERY_DAY_MESSAGE);
}

/**
 * An order placed before the cut-off on a delivery day arrives that evening; at or after the
 * cut-off, or on a closed day, it waits for the next delivery day.
 */
export function deliveryDayFor(now: Date, settings: DeliveryCalendarSettings): DeliveryDay {
  const date = tokyoDate(now);
  const p = tokyoParts(now);
  const [cutH, cutM] = settings.cutoff.split(':').map(Number) as [number, number];
  if (isDeliveryDay(date, settings) && p.hour * 60 + p.minute < cutH * 60 + cutM) {
    return { date, isToday: true };
  }
  return { date: nextDeliveryDay(date, settings), isToday: false };
}
