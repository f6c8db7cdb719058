import { silenceAnchor } from './decide-watch-step';
import { HOUR_MS, MINUTE_MS } from './local-time';
import { isRhythmBroken } from './rhythm';
import { DEFAULT_TUNING, type DetectorTuning, type WatchSettings, type WatchState } from './types';

/**
 * The earliest time at which `decideWatchStep` could decide something other than `none` for
 * this resident if nothing new arrives (no activity, away period, acknowledgement or settings
 * change — each of those makes the caller check again at once). `now` means "check every pass".
 *
 * Only a quiet house (TV off, no alert, no on-screen check pending) can be put off: its
 * decision then depends on time alone through the no-activity threshold, away boundaries and the
 * rhythm rule. The rhythm rule compares whole Tokyo hours, so it can only change at an hour
 * boundary: the hours up to the threshold are tried here once, when the house goes quiet,
 * instead of at every pass.
 */
export function nextCheckDue(
  settings: WatchSettings,
  state: WatchState,
  now: number,
  tuning: DetectorTuning = DEFAULT_TUNING,
): number {
  if (!settings.enabled) return Number.MAX_SAFE_INTEGER;
  if (state.alert || state.check) return now;
  const tvOn =
    state.lastHeartbeatAt !== null && now - state.lastHeartbeatAt <= tuning.heartbeatGapMinutes * MINUTE_MS;
  if (tvOn) return now;
  const anchor = silenceAnchor(settings, state, now);
  let due = anchor + settings.thresholdMinutes * MINUTE_MS;
  const quietSince = Math.max(anchor, state.lastHeartbeatAt ?? anchor);
  // Tokyo is a whole number of hours from UTC, so Tokyo hour boundaries are multiples of HOUR_MS.
  for (const p of state.away) {
    if (p.from > now) due = Math.min(due, p.from);
    if (p.until > now) due = Math.min(due, p.until);
  }
  const nextHour = (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
  const rhythmFrom = quietSince + (tuning.rhythmMinWindowHours + tuning.rhythmMarginHours) * HOUR_MS;
  // Past a day of silence the rhythm rule no longer applies (the window is capped at 24 h).
  const rhythmUntil = quietSince + (24 + tuning.rhythmMarginHours + 2) * HOUR_MS;
  const rule = {
    minDays: tuning.rhythmMinDays,
    minWindowHours: tuning.rhythmMinWindowHours,
    marginHours: tuning.rhythmMarginHours,
    maxSilentDays: tuning.rhythmMaxSilentDays,
  };
  for (
    let h = Math.max(nextHour, Math.ceil(rhythmFrom / HOUR_MS) * HOUR_MS);
    h < due && h <= rhythmUntil;
    h += HOUR_MS
  ) {
    if (isRhythmBroken(state.rhythm, state.away, quietSince, h, rule)) {
      due = h;
      break;
    }
  }
  return Math.max(due, now);
}
