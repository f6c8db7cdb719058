/** Tokyo is UTC+9 all year, so local hours and days are plain arithmetic on epoch ms. */
const OFFSET_MS = 9 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Hours since the epoch, counted on the Tokyo wall clock. */
export function localHourIndex(at: number): number {
  return Math.floor((at + OFFSET_MS) / HOUR_MS);
}

export function localDayIndex(at: number): number {
  return Math.floor((at + OFFSET_MS) / 86_400_000);
}

/** Minute of the Tokyo day, 0–1439. */
export function localMinuteOfDay(at: number): number {
  return Math.floor(((at + OFFSET_MS) % 86_400_000) / MINUTE_MS);
}

export function isQuietMinute(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Minutes of [from, to) that fall outside quiet hours. */
export function awakeMinutesBetween(from: number, to: number, start: number, end: number): number {
  if (to <= from) return 0;
  const total = Math.floor((to - from) / MINUTE_MS);
  if (start === end) return total;
  const quietPerDay = start < end ? end - start : 1440 - start + end;
  const fullDays = Math.floor(total / 1440);
  let awake = fullDays * (1440 - quietPerDay);
  // The remainder is under a day: walk it in runs between quiet-hour boundaries.
  let minute = (localMinuteOfDay(from) + fullDays * 1440) % 1440;
  let left = total - fullDays * 1440;
  while (left > 0) {
    const quiet = isQuietMinute(minute, start, end);
    const boundary = quiet ? end : start;
    const run = Math.min(left, (boundary - minute + 1440) % 1440 || 1440);
    if (!quiet) awake += run;
    left -= run;
    minute = (minute + run) % 1440;
  }
  return awake;
}
