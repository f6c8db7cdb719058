/**
 * Asia/Tokyo calendar helpers. Japan has no daylight saving time, so Tokyo is always UTC+9;
 * `Intl` is still used for formatting so the rule lives in one place.
 */
import { z } from 'zod';

export const TOKYO_TZ = 'Asia/Tokyo';
const OFFSET_MS = 9 * 60 * 60 * 1000;

export interface TokyoParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function tokyoParts(at: Date): TokyoParts {
  const t = new Date(at.getTime() + OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of the instant in Tokyo. */
export function tokyoDate(at: Date): string {
  const p = tokyoParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'YYYY-MM' of the instant in Tokyo. */
export function tokyoMonth(at: Date): string {
  return tokyoDate(at).slice(0, 7);
}

/** 'HH:MM' of the instant in Tokyo. */
export function tokyoTime(at: Date): string {
  const p = tokyoParts(at);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a Tokyo wall-clock date and time ('YYYY-MM-DD', 'HH:MM' or 'HH:MM:SS'). */
export function fromTokyo(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss ?? 0) - OFFSET_MS);
}

/** Adds whole days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return tokyoDate(new Date(fromTokyo(date).getTime() + days * 86_400_000));
}

/** Japanese display: 11月23日(月) */
export function formatJaDate(date: string): string {
  const p = tokyoParts(fromTokyo(date));
  return `${p.month}月${p.day}日(${'日月火水木金土'[p.weekday]})`;
}

/** Japanese display with the year, for staff pages: 2026年12月3日(木) */
export function formatJaFullDate(date: string): string {
  return `${tokyoParts(fromTokyo(date)).year}年${formatJaDate(date)}`;
}

/** Japanese display of an instant: 11月23日(月) 10:30 */
export function formatJaDateTime(at: Date): string {
  return `${formatJaDate(tokyoDate(at))} ${tokyoTime(at)}`;
}

/**
 * When something was, as a resident would say it relative to `now`: 今日 9:00, 昨日 18:30, and
 * 12月3日 18:30 before that (hours unpadded, as on a Japanese clock face).
 */
export function formatJaRelativeTime(at: Date, now: Date): string {
  const day = tokyoDate(at);
  const today = tokyoDate(now);
  const p = tokyoParts(at);
  const time = `${p.hour}:${pad(p.minute)}`;
  if (day === today) return `今日 ${time}`;
  if (day === addDays(today, -1)) return `昨日 ${time}`;
  return `${p.month}月${p.day}日 ${time}`;
}

/** Age in whole years on a Tokyo date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A Tokyo business date 'YYYY-MM-DD' that is on the calendar: a pattern alone lets 2026-02-30
 * through, and `fromTokyo` would quietly read it as March 2. Every route and form that takes a
 * date parses it with this.
 */
export const TokyoDateSchema = z.iso.date({ error: '日付は暦にある日をYYYY-MM-DDで入れてください' });

export const isTokyoDate = (value: string): boolean => TokyoDateSchema.safeParse(value).success;
