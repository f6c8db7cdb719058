import { performance } from 'node:perf_hooks';
import {
  advanceClock,
  bookRide,
  createDispatchState,
  depotPoints,
  describePlan,
  reoptimizePlan,
  type BookingAnswer,
  type DispatchState,
} from '../../server/src/taxi/solver/index.js';
import { createGreatCircleProvider, travelRowsFor } from '../../server/src/taxi/travel/index.js';
import { formatTime, type TaxiDay } from './taxi-day.js';

export interface ReplayOptions {
  seed: number;
  /** ALNS iterations between two bookings (deterministic); 0 disables re-optimisation */
  reoptIterations: number;
  /** called after each booking (progress display) */
  onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  answers: (BookingAnswer & { arrivedAt: string })[];
  routes: {
    vehicleId: string;
    km: number;
    stops: { bookingId: string; kind: 'pickup' | 'dropoff'; time: string; minutes: number }[];
  }[];
  totals: {
    bookings: number;
    accepted: number;
    refused: number;
    riders: number;
    vehicleKm: number;
    ridersPerVehicleHour: number;
    sharedRideShare: number;
    /** ride minutes minus direct minutes */
    meanDetourMinutes: number;
    maxDetourMinutes: number;
    /** ride time / direct time (large for very short trips) */
    meanDetourRatio: number;
    meanWaitFromRequestMinutes: number;
    promisesBroken: number;
  };
  /** wall-clock ms of each booking answer (travel rows + insertion), for benchmarks */
  answerMs: number[];
  /** CPU ms of the same answers (this process), less sensitive to other load on a shared machine */
  answerCpuMs: number[];
  reoptMs: number[];
}

/**
 * Replays a day exactly as the server would: advance the clock to each booking's arrival, answer it
 * at once, re-optimise until the next one, then run the day to its end and measure it.
 */
export async function replayDay(
  day: TaxiDay,
  opts: ReplayOptions,
  clock = () => performance.now(),
): Promise<ReplayResult> {
  const provider = createGreatCircleProvider(day.road);
  const depots = depotPoints(day.settings);
  const depotTravel = await provider.table(depots, depots);
  const first = day.bookings[0]?.arrivedAt ?? day.settings.serviceStart;
  const state = createDispatchState(
    day.settings,
    {
      fromNew: depots.map((_, k) => ({ minutes: depotTravel.minutes[k]!, km: depotTravel.km[k]! })),
      toNew: depots.map(() => ({ minutes: [], km: [] })),
    },
    Math.min(first, day.settings.serviceStart),
  );
  const answers: ReplayResult['answers'] = [];
  const answerMs: number[] = [];
  const answerCpuMs: number[] = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const reoptMs: number[] = [];
  const accepted = new Map<string, BookingAnswer>();
  for (let k = 0; k < day.bookings.length; k++) {
    const b = day.bookings[k]!;
    const now = Math.max(b.arrivedAt, state.now);
    const t0 = clock();
    const c0 = cpu();
    advanceClock(state, now);
    const travel = await travelRowsFor(provider, state.table, [b.pickup, b.dropoff]);
    const answer = bookRide(state, b, travel, now);
    answerMs.push(clock() - t0);
    answerCpuMs.push(cpu() - c0);
    answers.push({ ...answer, arrivedAt: formatTime(b.arrivedAt) });
    if (answer.status === 'accepted') accepted.set(b.id, answer);
    if (opts.reoptIterations > 0 && state.requests.size > 1) {
      const t1 = clock();
      reoptimizePlan(state, { seed: opts.seed + k, clock, maxIterations: opts.reoptIterations });
      reoptMs.push(clock() - t1);
    }
    opts.onProgress?.(k + 1, day.bookings.length);
  }
  // run the day out: every stop gets served and leaves the live plan
  advanceClock(state, 48 * 60);
  const returnKm = describePlan(state).map((r) => r.km);
  return { answers, ...measure(state, day, accepted, returnKm), answerMs, answerCpuMs, reoptMs };
}

function measure(
  state: DispatchState,
  day: TaxiDay,
  accepted: Map<string, BookingAnswer>,
  returnKm: number[],
): Pick<ReplayResult, 'routes' | 'totals'> {
  const routes: ReplayResult['routes'] = day.settings.vehicles.map((v, k) => ({
    vehicleId: v.id,
    km: Number((state.drivenKm[k]! + returnKm[k]!).toFixed(3)),
    stops: [],
  }));
  for (const s of state.history) {
    routes[s.vehicle]!.stops.push({
      bookingId: s.bookingId,
      kind: s.kind,
      time: formatTime(s.time),
      minutes: s.time,
    });
  }
  // shared: someone else was aboard at some moment of the ride
  const shared = new Set<string>();
  for (const r of routes) {
    const aboard = new Set<string>();
    for (const s of r.stops) {
      if (s.kind === 'pickup') {
        if (aboard.size > 0) {
          shared.add(s.bookingId);
          for (const o of aboard) shared.add(o);
        }
        aboard.add(s.bookingId);
      } else aboard.delete(s.bookingId);
    }
  }
  let broken = 0;
  let riders = 0;
  let detourSum = 0;
  let detourMax = 0;
  let ratioSum = 0;
  let waitSum = 0;
  const eps = 1e-6;
  for (const req of state.finished) {
    const a = accepted.get(req.booking.id);
    if (!a || a.status !== 'accepted' || !req.done) continue;
    const p = a.promise;
    const ride = req.done.dropoff - req.done.pickup - day.settings.stopMinutes;
    if (req.done.pickup < p.pickupFrom - eps || req.done.pickup > p.pickupTo + eps) broken++;
    else if (req.done.dropoff > p.latestArrival + eps || ride > req.maxRide + eps) broken++;
    riders += req.booking.passengers;
    const detour = ride - req.directMinutes;
    detourSum += detour;
    detourMax = Math.max(detourMax, detour);
    ratioSum += req.directMinutes > 0 ? ride / req.directMinutes : 1;
    waitSum += req.booking.kind === 'leaveAfter' ? req.done.pickup - req.booking.time : 0;
  }
  // promises not kept also include accepted rides that never completed
  broken += [...accepted.keys()].filter((id) => !state.finished.some((f) => f.booking.id === id)).length;
  const n = state.finished.length;
  const vehicleHours = day.settings.vehicles.reduce((s, v) => s + (v.shiftEnd - v.shiftStart) / 60, 0);
  const leaveAfter = state.finished.filter((f) => f.booking.kind === 'leaveAfter').length;
  return {
    routes,
    totals: {
      bookings: day.bookings.length,
      accepted: accepted.size,
      refused: day.bookings.length - accepted.size,
      riders,
      vehicleKm: Number(routes.reduce((s, r) => s + r.km, 0).toFixed(2)),
      ridersPerVehicleHour: Number((riders / vehicleHours).toFixed(3)),
      sharedRideShare: Number((n > 0 ? shared.size / n : 0).toFixed(3)),
      meanDetourMinutes: Number((n > 0 ? detourSum / n : 0).toFixed(2)),
      maxDetourMinutes: Number(detourMax.toFixed(2)),
      meanDetourRatio: Number((n > 0 ? ratioSum / n : 0).toFixed(3)),
      meanWaitFromRequestMinutes: Number((leaveAfter > 0 ? waitSum / leaveAfter : 0).toFixed(2)),
      promisesBroken: broken,
    },
  };
}
