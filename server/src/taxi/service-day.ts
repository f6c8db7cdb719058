import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, fromTokyo, tokyoDate, tokyoParts } from '../lib/tokyo';
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

/** Every 15-minute step of the service hours (a later day has no notice to keep yet). */
export function allServiceTimes(hours: ServiceHours): string[] {
  const out: string[] = [];
  for (let t = toMinutes(hours.start); t <= toMinutes(hours.end); t += 15) out.push(formatMinutes(t));
  return out;
}

/** The first service day after `date` (a fortnight is far more than any holiday run). */
export function nextServiceDay(hours: ServiceHours, date: string): string | null {
  for (let d = 1; d <= 14; d++) {
    const next = addDays(date, d);
    if (isServiceDay(hours, next)) return next;
  }
  return null;
}

/**
 * The day the TV books for now and its times: today while a time is still bookable, otherwise the
 * next service day (evening, weekend, holiday), so a resident is never simply turned away.
 */
export function bookingDay(
  hours: ServiceHours,
  minNoticeMinutes: number,
  now: Date,
): { date: string; today: boolean; times: string[] } | null {
  const today = tokyoDate(now);
  const times = bookableTimes(hours, minNoticeMinutes, now);
  if (times.length > 0) return { date: today, today: true, times };
  const next = nextServiceDay(hours, today);
  return next ? { date: next, today: false, times: allServiceTimes(hours) } : null;
}

const WEEKDAY_JA = ['', '月', '火', '水', '木', '金', '土', '日'];

/** When the service runs, in plain words: 「月〜金曜日（祝日は休み）の09:00〜15:00」. */
export function serviceTimesText(hours: ServiceHours): string {
  const days = [...new Set(hours.weekdays)].sort((a, b) => a - b);
  const run = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 7
      ? '毎日'
      : run && days.length > 2
        ? `${WEEKDAY_JA[days[0]!]}〜${WEEKDAY_JA[days.at(-1)!]}曜日`
        : `${days.map((d) => WEEKDAY_JA[d]).join('・')}曜日`;
  return `${dayText}${hours.closedOnHolidays ? '（祝日は休み）' : ''}の${hours.start}〜${hours.end}`;
}
