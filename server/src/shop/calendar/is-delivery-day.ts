import holidayJp from '@holiday-jp/holiday_jp';
import type { DeliveryCalendarSettings } from './delivery-calendar-settings';
import { fromTokyo, tokyoParts } from '../../lib/tokyo';

export function publicHolidayName(date: string): string | undefined {
  const holidays = holidayJp.holidays as Record<string, { name: string } | undefined>;
  return holidays[date]?.name;
}

/** Whether goods are delivered on a Tokyo calendar date. */
export function isDeliveryDay(date: string, settings: DeliveryCalendarSettings): boolean {
  if (settings.closedDates.includes(date)) return false;
  if (settings.openDates.includes(date)) return true;
  if (!settings.deliveryWeekdays.includes(tokyoParts(fromTokyo(date)).weekday)) return false;
  if (settings.observePublicHolidays && publicHolidayName(date) !== undefined) return false;
  return true;
}
