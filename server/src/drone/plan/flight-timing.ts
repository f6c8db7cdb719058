import type { PlanDrone, PlanSettings, PlanSite } from './types';

export interface FlightTiming {
  oneWaySec: number;
  /** Out, dwell at the hall, back. */
  flightSec: number;
  turnaroundSec: number;
}

/** Null when the drone cannot fly the route at all (no route, or a leg longer than its battery). */
export function flightTiming(site: PlanSite, drone: PlanDrone, settings: PlanSettings): FlightTiming | null {
  if (site.routeLengthM === null || drone.cruiseSpeedMps <= 0) return null;
  const oneWaySec = Math.ceil(site.routeLengthM / drone.cruiseSpeedMps);
  if (drone.enduranceMin != null && oneWaySec > drone.enduranceMin * 60) return null;
  return {
    oneWaySec,
    flightSec: 2 * oneWaySec + settings.dwellSec,
    turnaroundSec: Math.round(drone.turnaroundMin * 60),
  };
}
