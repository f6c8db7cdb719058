import type { DeliveryCalendarSettings } from './delivery-calendar-settings';
import { isDeliveryDay } from './is-delivery-day';
import { addDays, tokyoDate, tokyoParts } from '../../lib/tokyo';

export interface DeliveryDay {
  /** Tokyo date the order is delivered, 'YYYY-MM-DD'. */
  date: string;
  /** True when the order is delivered this evening. */
  isToday: boolean;
}

// A year of closed days would be a configuration mistake, not a calendar.
const SEARCH_LIMIT_DAYS = 366;

/** The first delivery day strictly after `date`. */
export function nextDeliveryDay(date: string, settings: DeliveryCalendarSettings): string {
  let candidate = date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
    candidate = addDays(candidate, 1);
    if (isDeliveryDay(candidate, settings)) return candidate;
  }
  throw new RangeError(`no delivery day within ${SEARCH_LIMIT_DAYS} days after ${date}`);
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
