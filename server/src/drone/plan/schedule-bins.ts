import type { Bin } from './pack-parcels';
import { flightTiming } from './flight-timing';
import type { PlanDrone, PlanParcel, PlanSettings, PlanSite, PlannedFlight } from './types';

export interface SiteBin extends Bin<PlanParcel> {
  siteId: number;
}

export type UnseqFlight = Omit<PlannedFlight, 'seq'>;

/**
 * List scheduling: each bin goes to the drone that would bring it back soonest (ties: earlier
 * departure, lower drone id). Bins are taken shortest flight first, which maximises the number of
 * flights that fit before the window closes when the fleet cannot fly everything.
 * `readySec` is updated in place so a caller can schedule more bins after existing flights.
 */
export function scheduleBins(
  bins: readonly SiteBin[],
  sites: ReadonlyMap<number, PlanSite>,
  drones: readonly PlanDrone[],
  settings: PlanSettings,
  readySec: Map<number, number>,
): { flights: UnseqFlight[]; unscheduled: SiteBin[] } {
  const ranked = bins.map((bin, index) => {
    const site = sites.get(bin.siteId);
    let shortest = Number.POSITIVE_INFINITY;
    if (site) {
      for (const drone of drones) {
        const timing = flightTiming(site, drone, settings);
        if (timing && drone.payloadG >= bin.loadG) shortest = Math.min(shortest, timing.flightSec);
      }
    }
    return { bin, index, site, shortest };
  });
  ranked.sort(
    (a, b) =>
      a.shortest - b.shortest ||
      b.bin.loadG - a.bin.loadG ||
      a.bin.siteId - b.bin.siteId ||
      a.index - b.index,
  );

  const flights: UnseqFlight[] = [];
  const unscheduled: SiteBin[] = [];
  for (const { bin, site } of ranked) {
    let best: { drone: PlanDrone; depart: number; ret: number; oneWay: number; turnaround: number } | null =
      null;
    if (site) {
      for (const drone of drones) {
        if (drone.payloadG < bin.loadG) continue;
        const timing = flightTiming(site, drone, settings);
        if (!timing) continue;
        const depart = Math.max(readySec.get(drone.id) ?? settings.windowStartSec, settings.windowStartSec);
        const ret = depart + timing.flightSec;
        if (
          !best ||
          ret < best.ret ||
          (ret === best.ret && (depart < best.depart || (depart === best.depart && drone.id < best.drone.id)))
        ) {
          best = { drone, depart, ret, oneWay: timing.oneWaySec, turnaround: timing.turnaroundSec };
        }
      }
    }
    if (!best || best.ret > settings.windowEndSec) {
      unscheduled.push(bin);
      continue;
    }
    readySec.set(best.drone.id, best.ret + best.turnaround);
    flights.push({
      droneId: best.drone.id,
      siteId: bin.siteId,
      parcelIds: bin.items.map((p) => p.id),
      loadG: bin.loadG,
      departSec: best.depart,
      arriveSec: best.depart + best.oneWay,
      returnSec: best.ret,
      readySec: best.ret + best.turnaround,
    });
  }
  return { flights, unscheduled };
}

export function byDeparture(a: UnseqFlight, b: UnseqFlight): number {
  return a.departSec - b.departSec || a.droneId - b.droneId || a.siteId - b.siteId;
}
