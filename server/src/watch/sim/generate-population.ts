import { DEFAULT_SETTINGS, type LifeSignKind, type WatchSettings } from '../detector/types';
import { find, intersect, normalize, subtract, type Interval } from './intervals';
import { Random } from './random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type Archetype =
  'regular' | 'all_day' | 'background' | 'irregular' | 'irregular_sleeper' | 'rare' | 'night_owl' | 'dozer';

/**
 * What a population is made of. The tuning set uses `STANDARD_MIX`; the held-out set other mixes
 * (and other seeds) that the detector's tuning is never adjusted to.
 */
export interface PopulationMix {
  name: string;
  weights: Record<Archetype, number>;
  /** Multiplies each resident's chance of leaving the TV on when going out. */
  tvLeftOnWhileOut: number;
  /** Per day: family come for the day unannounced; the resident is home but the TV stays off. */
  familyVisitRate: number;
  /** Hospital stays are entered by staff this many hours late (uniform range). */
  hospitalEnteredLateHours: [number, number];
}

export const STANDARD_MIX: PopulationMix = {
  name: 'standard',
  weights: {
    regular: 30,
    all_day: 12,
    background: 5,
    irregular: 15,
    irregular_sleeper: 8,
    rare: 5,
    night_owl: 10,
    dozer: 15,
  },
  tvLeftOnWhileOut: 1,
  familyVisitRate: 0.01,
  hospitalEnteredLateHours: [2, 30],
};

/** Many all-day background viewers who seldom touch the remote and leave the TV on when out. */
export const BACKGROUND_MIX: PopulationMix = {
  name: 'background-heavy',
  weights: {
    regular: 22,
    all_day: 15,
    background: 20,
    irregular: 10,
    irregular_sleeper: 5,
    rare: 5,
    night_owl: 8,
    dozer: 15,
  },
  tvLeftOnWhileOut: 2,
  familyVisitRate: 0.02,
  hospitalEnteredLateHours: [2, 30],
};

/** Irregular days and nights, frequent family visits, hospital stays entered up to two days late. */
export const IRREGULAR_MIX: PopulationMix = {
  name: 'irregular-heavy',
  weights: {
    regular: 20,
    all_day: 10,
    background: 10,
    irregular: 20,
    irregular_sleeper: 20,
    rare: 5,
    night_owl: 10,
    dozer: 5,
  },
  tvLeftOnWhileOut: 1.5,
  familyVisitRate: 0.03,
  hospitalEnteredLateHours: [2, 48],
};

export interface SimEvent {
  at: number;
  kind: LifeSignKind;
}

export interface AwaySet {
  /** When staff, family or the resident entered it. */
  setAt: number;
  from: number;
  until: number;
}

export interface SimResident {
  id: number;
  archetype: Archetype;
  settings: WatchSettings;
  /** TV switched on (heartbeats flow while on). */
  tv: Interval[];
  /** At home, awake and able to answer the on-screen check. */
  present: Interval[];
  /** Away from home (outings, field work, stays, trips, hospital). */
  out: Interval[];
  /** Keys, orders, rides, handovers, reminder confirmations: signs of life, sorted. */
  events: SimEvent[];
  awaySets: AwaySet[];
  /** Absences nobody announced (family visits, stays, trips not entered): for the report. */
  unannouncedAbsences: number;
  collapse: { at: number; tvOn: boolean } | null;
}

export interface PopulationOptions {
  seed: number;
  residents: number;
  /** Tokyo midnight of the first simulated day. */
  start: number;
  days: number;
  /** Collapses are injected only in [collapseFromDay, collapseToDay). */
  collapseFromDay: number;
  collapseToDay: number;
  collapseShare: number;
  mix?: PopulationMix;
}

interface Traits {
  archetype: Archetype;
  wakeMean: number;
  wakeSd: number;
  bedMean: number;
  keyRate: number;
  farmer: boolean;
  leaveTvOn: number;
  taxi: boolean;
  ordersPerWeek: number;
  reminderAt: number | null;
  outingRate: number;
  overnightRate: number;
  tripRate: number;
  forgetsAway: number;
  illnessRate: number;
  napRate: number;
  bedSd: number;
  familyVisitRate: number;
}

function traitsFor(rng: Random, mix: PopulationMix): Traits {
  const archetype = rng.pick<Archetype>(Object.entries(mix.weights) as [Archetype, number][]);
  const owl = archetype === 'night_owl';
  const sleeper = archetype === 'irregular_sleeper';
  const background = archetype === 'background';
  return {
    archetype,
    wakeMean: owl ? rng.uniform(8, 10) * HOUR : rng.uniform(5, 7.5) * HOUR,
    wakeSd:
      (archetype === 'irregular'
        ? rng.uniform(60, 120)
        : sleeper
          ? rng.uniform(90, 180)
          : rng.uniform(15, 45)) * MIN,
    bedMean: owl ? rng.uniform(24, 26) * HOUR : rng.uniform(20.5, 22.5) * HOUR,
    bedSd: (sleeper ? rng.uniform(60, 120) : 30) * MIN,
    keyRate:
      archetype === 'all_day'
        ? rng.uniform(0.3, 1.5)
        : background
          ? // A few presses a day: the TV is company, not a programme.
            rng.uniform(0.05, 0.4)
          : archetype === 'rare'
            ? rng.uniform(1, 3)
            : rng.uniform(1, 6),
    farmer: rng.chance(0.3),
    leaveTvOn: Math.min(
      1,
      (background ? rng.uniform(0.3, 0.8) : rng.chance(0.4) ? rng.uniform(0.1, 0.5) : 0) *
        mix.tvLeftOnWhileOut,
    ),
    familyVisitRate: mix.familyVisitRate * rng.uniform(0.5, 1.5),
    taxi: rng.chance(0.4),
    ordersPerWeek: rng.chance(archetype === 'rare' ? 0.8 : 0.5) ? rng.uniform(0.5, 3) : 0,
    reminderAt: rng.chance(0.3) ? rng.int(7, 20) * HOUR : null,
    outingRate: rng.uniform(0.02, 0.08),
    overnightRate: rng.uniform(0.002, 0.012),
    tripRate: rng.uniform(0.004, 0.015),
    forgetsAway: rng.uniform(0.05, 0.3),
    illnessRate: rng.uniform(0.01, 0.04),
    napRate: archetype === 'all_day' || archetype === 'dozer' || background ? 0.6 : sleeper ? 0.5 : 0.3,
  };
}

/** Absences of a whole resident: announced or not, and the away periods entered for them. */
function planAbsences(rng: Random, tr: Traits, o: PopulationOptions, mix: PopulationMix) {
  const out: Interval[] = [];
  const tvLeftOnWhileOut: Interval[] = [];
  const awaySets: AwaySet[] = [];
  const rides: number[] = [];
  let unannounced = 0;
  let busyUntil = o.start;
  for (let d = 0; d < o.days; d++) {
    const day = o.start + d * DAY;
    if (day < busyUntil) continue;
    if (rng.chance(tr.tripRate)) {
      const from = day + rng.uniform(8, 12) * HOUR;
      const planned = day + rng.int(2, 6) * DAY + 17 * HOUR;
      const late = rng.chance(0.2) ? rng.uniform(2, 30) * HOUR : -rng.uniform(0, 5) * HOUR;
      const back = planned + late;
      out.push([from, back]);
      if (rng.chance(tr.forgetsAway)) unannounced++;
      else awaySets.push({ setAt: from - rng.uniform(10, 600) * MIN, from, until: planned });
      busyUntil = back + DAY;
    } else if (rng.chance(0.002)) {
      // Taken to hospital: staff enter the stay some hours later, once they hear of it.
      const from = day + rng.uniform(8, 20) * HOUR;
      const back = from + rng.int(3, 14) * DAY;
      out.push([from, back]);
      const [lo, hi] = mix.hospitalEnteredLateHours;
      awaySets.push({ setAt: from + rng.uniform(lo, hi) * HOUR, from, until: back });
      busyUntil = back + DAY;
    } else if (rng.chance(tr.overnightRate)) {
      const from = day + rng.uniform(9, 15) * HOUR;
      const back = day + rng.int(1, 3) * DAY + rng.uniform(10, 17) * HOUR;
      out.push([from, back]);
      unannounced++;
      busyUntil = back + DAY;
    } else if (rng.chance(tr.outingRate)) {
      // A family visit or a trip to town, not announced.
      const from = day + rng.uniform(8, 11) * HOUR;
      const back = from + rng.uniform(3, 10) * HOUR;
      out.push([from, back]);
      if (rng.chance(tr.leaveTvOn * 0.5)) tvLeftOnWhileOut.push([from, back]);
      if (tr.taxi && rng.chance(0.5)) rides.push(from, back);
      unannounced++;
    }
  }
  return { out, tvLeftOnWhileOut, awaySets, rides, unannounced };
}

function poissonTimes(rng: Random, iv: Interval[], perHour: number): number[] {
  const times: number[] = [];
  for (const [a, b] of iv) {
    let t = a + (-Math.log(1 - rng.next()) / perHour) * HOUR;
    while (t < b) {
      times.push(t);
      t += (-Math.log(1 - rng.next()) / perHour) * HOUR;
    }
  }
  return times;
}

export function generateResident(id: number, o: PopulationOptions): SimResident {
  const rng = new Random(o.seed * 1_000_003 + id);
  const mix = o.mix ?? STANDARD_MIX;
  const tr = traitsFor(rng, mix);
  const abs = planAbsences(rng, tr, o, mix);
  // Family who come for the day: at home and fine, but the TV stays off and nothing is pressed.
  const visits: Interval[] = [];
  const awake: Interval[] = [];
  const naps: Interval[] = [];
  const fields: Interval[] = [];
  const fieldsTvOn: Interval[] = [];
  let tv: Interval[] = [];
  const extra: SimEvent[] = [];
  const lowKeys: Interval[] = [];
  const nightUp: Interval[] = [];
  let orderDays: number[] = [];

  for (let d = 0; d < o.days; d++) {
    const day = o.start + d * DAY;
    const wake = day + rng.normal(tr.wakeMean, tr.wakeSd);
    const bed = day + rng.normal(tr.bedMean, tr.bedSd);
    awake.push([wake, bed]);
    const ill = rng.chance(tr.illnessRate);
    const sessions: Interval[] = [];
    if (ill) {
      // A day in bed: perhaps one short, quiet session.
      if (rng.chance(0.5)) {
        const s = rng.uniform(wake, bed - 2 * HOUR);
        sessions.push([s, s + rng.uniform(1, 2) * HOUR]);
        lowKeys.push([wake, bed]);
      }
      naps.push([wake + 2 * HOUR, bed - 2 * HOUR]);
    } else {
      switch (tr.archetype) {
        case 'regular':
        case 'dozer': {
          const m = wake + rng.uniform(0, 30) * MIN;
          sessions.push([m, m + rng.uniform(60, 180) * MIN]);
          if (rng.chance(0.6)) {
            const n = day + rng.normal(11.75 * HOUR, 20 * MIN);
            sessions.push([n, n + rng.uniform(30, 90) * MIN]);
          }
          const e = day + rng.normal(17.5 * HOUR, 45 * MIN);
          const overnight = tr.archetype === 'dozer' && rng.chance(0.4);
          // Dozing off with the TV on: it stays on until the morning.
          sessions.push([e, overnight ? day + DAY + tr.wakeMean : bed - rng.uniform(0, 20) * MIN]);
          break;
        }
        case 'all_day':
        case 'background':
          sessions.push([wake + rng.uniform(0, 20) * MIN, bed]);
          break;
        case 'irregular_sleeper': {
          // Up at odd hours: sessions at any time of the day, and TV in the small hours.
          const k = rng.int(2, 4);
          for (let i = 0; i < k; i++) {
            const st = rng.uniform(wake, Math.max(wake + HOUR, bed - HOUR));
            sessions.push([st, st + rng.uniform(30, 180) * MIN]);
          }
          if (rng.chance(0.3)) {
            const st = day + DAY + rng.uniform(1, 4) * HOUR;
            sessions.push([st, st + rng.uniform(30, 120) * MIN]);
            nightUp.push([st, st + 2 * HOUR]);
          }
          break;
        }
        case 'irregular': {
          const k = rng.chance(0.03) ? 0 : rng.int(2, 5);
          for (let i = 0; i < k; i++) {
            const s = rng.uniform(wake, bed - HOUR);
            sessions.push([s, s + rng.uniform(20, 180) * MIN]);
          }
          break;
        }
        case 'rare':
          // A short look at the news on most days, at no fixed time.
          if (rng.chance(0.85)) {
            const s = rng.uniform(wake, bed - 2 * HOUR);
            sessions.push([s, s + rng.uniform(20, 120) * MIN]);
          }
          break;
        case 'night_owl': {
          const a = day + rng.uniform(13, 15) * HOUR;
          sessions.push([a, a + rng.uniform(1, 3) * HOUR]);
          sessions.push([day + rng.uniform(19, 20) * HOUR, bed]);
          break;
        }
      }
      if (rng.chance(tr.familyVisitRate)) {
        const st = day + rng.uniform(10, 13) * HOUR;
        visits.push([st, st + rng.uniform(3, 8) * HOUR]);
      }
      if (rng.chance(tr.napRate)) {
        const s = day + rng.uniform(13, 15) * HOUR;
        naps.push([s, s + rng.uniform(30, 120) * MIN]);
      }
      if (tr.farmer && rng.chance(0.5)) {
        const s = day + (rng.chance(0.5) ? rng.uniform(7, 9) : rng.uniform(14, 15)) * HOUR;
        const f: Interval = [s, s + rng.uniform(90, 240) * MIN];
        fields.push(f);
        if (rng.chance(tr.leaveTvOn)) fieldsTvOn.push(f);
      }
      if (tr.ordersPerWeek > 0 && rng.chance(tr.ordersPerWeek / 7)) orderDays.push(d);
    }
    tv.push(...sessions);
  }

  const outAll = normalize([...abs.out, ...fields]);
  const tvOffWhenOut = subtract(outAll, [...abs.tvLeftOnWhileOut, ...fieldsTvOn]);
  tv = subtract(subtract(normalize(tv), tvOffWhenOut), visits);
  const home = subtract(normalize([...awake, ...nightUp]), outAll);
  const present = subtract(home, naps);
  const watching = intersect(normalize(tv), present);
  const quiet = intersect(watching, normalize(lowKeys));
  const keyTimes = [
    ...poissonTimes(rng, subtract(watching, quiet), tr.keyRate),
    ...poissonTimes(rng, quiet, tr.keyRate / 3),
  ];
  const events: SimEvent[] = keyTimes.map((at) => ({ at, kind: 'keys' as const }));
  for (const at of abs.rides) events.push({ at, kind: 'ride' });

  // Orders are placed on the TV in a morning session and handed over in person that evening.
  orderDays = orderDays.filter((d) => {
    const day = o.start + d * DAY;
    const w = new Date(day + 9 * HOUR).getUTCDay();
    return w !== 0 && w !== 6;
  });
  for (const d of orderDays) {
    const day = o.start + d * DAY;
    const morning = intersect(watching, [[day + 6 * HOUR, day + 11 * HOUR]]);
    const first = morning[0];
    if (!first) continue;
    events.push({ at: first[0] + 1 * MIN, kind: 'order' });
    const handover = day + rng.uniform(17, 19) * HOUR;
    if (find(home, handover) >= 0) events.push({ at: handover, kind: 'handover' });
  }
  if (tr.reminderAt !== null) {
    for (let d = 0; d < o.days; d++) {
      const at = o.start + d * DAY + tr.reminderAt;
      if (find(watching, at) >= 0)
        extra.push({ at: at + rng.uniform(1, 10) * MIN, kind: 'reminder_confirmed' });
    }
  }
  events.push(...extra);
  events.sort((a, b) => a.at - b.at);

  const settings: WatchSettings = {
    ...DEFAULT_SETTINGS,
    enabledAt: o.start,
    // Staff ask at enrolment when the resident goes to bed and gets up, to the hour.
    quietStartMinute: (Math.round((tr.bedMean + 30 * MIN) / HOUR) % 24) * 60,
    quietEndMinute: (Math.round(tr.wakeMean / HOUR) % 24) * 60,
    contactCount: rng.int(1, 3),
    // Staff lengthen the threshold for residents who say they hardly watch (a per-resident setting).
    thresholdMinutes: tr.archetype === 'rare' ? 36 * 60 : DEFAULT_SETTINGS.thresholdMinutes,
  };

  let resident: SimResident = {
    id,
    archetype: tr.archetype,
    settings,
    tv: normalize(tv),
    present,
    out: outAll,
    events,
    awaySets: abs.awaySets,
    unannouncedAbsences: abs.unannounced,
    collapse: null,
  };
  if (rng.chance(o.collapseShare)) resident = injectCollapse(rng, resident, home, outAll, o);
  return resident;
}

/** Someone collapses (or dies) at home at a random moment: everything after it stops. */
function injectCollapse(
  rng: Random,
  r: SimResident,
  home: Interval[],
  out: Interval[],
  o: PopulationOptions,
): SimResident {
  const lo = o.start + o.collapseFromDay * DAY;
  const hi = o.start + o.collapseToDay * DAY;
  let at = lo;
  for (let i = 0; i < 1000; i++) {
    at = rng.uniform(lo, hi);
    // Mostly while up and about at home, sometimes in the night.
    if (find(home, at) >= 0 || (rng.chance(0.25) && find(out, at) < 0)) break;
  }
  const tvOn = find(r.tv, at) >= 0;
  const cut = (list: Interval[]) => subtract(list, [[at, Infinity]]);
  return {
    ...r,
    tv: tvOn ? normalize([...cut(r.tv), [at, Infinity]]) : cut(r.tv),
    present: cut(r.present),
    events: r.events.filter((e) => e.at < at),
    awaySets: r.awaySets.filter((a) => a.setAt < at),
    collapse: { at, tvOn },
  };
}
