import { tokyoDate, tokyoTime } from '../../lib/tokyo';

/** 'H:MM:SS', the way paper flight logs write durations; hours may exceed 24 for totals. */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.round(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function formatTokyoDateTime(instant: Date): string {
  return `${tokyoDate(instant)} ${tokyoTime(instant)}`;
}
