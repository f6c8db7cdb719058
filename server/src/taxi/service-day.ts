import holidayJp from '@holiday-jp/holiday_jp';
import { fromTokyo, tokyoDate, tokyoParts } from '../lib/tokyo';
import type { ServiceHours, TaxiSettings } from './taxi-settings';

/** Dispatcher times are minutes since Tokyo midnight of the service day. */
export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const formatMinutes = (min: number): string => {
  const m = Math.round(min);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** Minutes since Tokyo midnight of `date` for an instant (may be negative or above 1440). */
export const minutesOfDay = (date: string, at: Date): number =>
  (at.getTime() - fromTokyo(date).getTime()) / 60_000;

/** The instant of a minute of the service day. */
export const atMinute = (date: string, min: number): Date =>
  new Date(fromTokyo(date).getTime() + Math.round(min * 60_000));

export function hoursForArea(settings: TaxiSettings, areaId: number): ServiceHours {
  return settings.areaHours[String(areaId)] ?? settings.hours;
}

/** Whether the area runs on this Tokyo date (weekday and holiday rules). */
export function isServiceDay(hours: ServiceHours, date: string): boolean {
  const weekday = tokyoParts(fromTokyo(date)).weekday || 7;
  if (!hours.weekdays.includes(weekday)) return false;
  return !(hours.closedOnHolidays && holidayJp.isHoliday(date));
}

/**
 * Requested times the TV may offer today: 15-minute steps inside the service hours, no earlier
 * than the minimum notice allows.
 */
export function bookableTimes(hours: ServiceHours, minNoticeMinutes: number, now: Date): string[] {
  const date = tokyoDate(now);
  if (!isServiceDay(hours, date)) return [];
  const earliest = minutesOfDay(date, now) + minNoticeMinutes;
  const out: string[] = [];
  for (let t = toMinutes(hours.start); t <= toMinutes(hours.end); t += 15)
    if (t >= earliest) out.push(formatMinutes(t));
  return out;
}
