import { absences, silenceAnchor } from './decide-watch-step';
import { HOUR_MS, localHourIndex, MINUTE_MS } from './local-time';
import { isRhythmBroken } from './rhythm';
import { DEFAULT_TUNING, type DetectorTuning, type WatchSettings, type WatchState } from './types';

/** The instant at which Tokyo hour number `localHour` (localHourIndex) begins. */
function toInstant(localHour: number): number {
  return (localHour - localHourIndex(0)) * HOUR_MS;
}

/** The last whole hour before the next boundary after `h` (see nextCheckDue). */
function stretchEnd(h: number, marginHours: number): number {
  const hour = localHourIndex(h);
  const ofDay = ((hour % 24) + 24) % 24;
  // Boundaries at hour 0 and hour margin + 1 of each Tokyo day.
  const next = ofDay < marginHours + 1 ? hour - ofDay + marginHours + 1 : hour - ofDay + 24;
  return toInstant(next) - HOUR_MS;
}

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
  const absent = absences(state);
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
  const first = Math.max(nextHour, Math.ceil(rhythmFrom / HOUR_MS) * HOUR_MS);
  // Last candidate hour: before `due`, within rhythmUntil, and with a window of at most 24 h
  // (past that the rule says no, so the monotony below would not hold).
  const a = localHourIndex(quietSince) + 1;
  const widest = toInstant(a + 24 + rule.marginHours);
  const last = Math.min(
    Math.ceil(due / HOUR_MS) * HOUR_MS - HOUR_MS,
    Math.floor(rhythmUntil / HOUR_MS) * HOUR_MS,
    widest,
  );
  // Between two boundaries (Tokyo midnight, when "today" changes, and midnight + margin + 1 h,
  // when the window's last day changes) the set of history days is fixed and the window only
  // grows, so a day silent through a later window was silent through every earlier one: if the
  // rule says no at a stretch's last hour, it says no at all of them. Test that hour first.
  for (let h = first; h <= last;) {
    const end = Math.min(last, stretchEnd(h, rule.marginHours));
    if (isRhythmBroken(state.rhythm, absent, quietSince, end, rule)) {
      for (; h <= end; h += HOUR_MS) {
        if (isRhythmBroken(state.rhythm, absent, quietSince, h, rule)) return Math.max(h, now);
      }
    }
    h = end + HOUR_MS;
  }
  return Math.max(due, now);
}
