import { packParcels } from './pack-parcels';
import { flightTiming } from './flight-timing';
import { byDeparture, scheduleBins, type SiteBin } from './schedule-bins';
import type {
  CarParcel,
  CarReason,
  DeliveryPlan,
  PlanDrone,
  PlanParcel,
  PlanSettings,
  PlanSite,
} from './types';

/** Why a parcel cannot fly at all, before any packing or scheduling; null when it may fly. */
export function airBlocker(
  parcel: PlanParcel,
  site: PlanSite | undefined,
  drones: readonly PlanDrone[],
  settings: PlanSettings,
): CarReason | null {
  if (!site || site.routeLengthM === null) return 'no_route';
  if (parcel.airEligible === false) return 'not_air_cargo';
  if (drones.length === 0) return 'no_drone';
  const capable = drones.filter((d) => flightTiming(site, d, settings) !== null);
  if (capable.length === 0) return 'out_of_range';
  if (parcel.weightG > Math.max(...capable.map((d) => d.payloadG))) return 'overweight';
  return null;
}

/**
 * The cut-off plan: parcels grouped by landing site, packed first-fit decreasing under the largest
 * payload that can reach the site, then scheduled on the drones across the flight window. Every
 * parcel ends up in exactly one flight or in the car list with a reason. Same input → same plan.
 */
export function planDeliveries(
  parcels: readonly PlanParcel[],
  sites: readonly PlanSite[],
  drones: readonly PlanDrone[],
  settings: PlanSettings,
): DeliveryPlan {
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const sortedDrones = [...drones].sort((a, b) => a.id - b.id);
  const car: CarParcel[] = [];
  const bySite = new Map<number, PlanParcel[]>();

  for (const parcel of [...parcels].sort((a, b) => a.id - b.id)) {
    const site = siteById.get(parcel.siteId);
    const reason = airBlocker(parcel, site, sortedDrones, settings);
    if (reason) {
      car.push({ parcelId: parcel.id, siteId: parcel.siteId, reason });
      continue;
    }
    let group = bySite.get(parcel.siteId);
    if (!group) bySite.set(parcel.siteId, (group = []));
    group.push(parcel);
  }

  const bins: SiteBin[] = [];
  for (const siteId of [...bySite.keys()].sort((a, b) => a - b)) {
    const site = siteById.get(siteId)!;
    const capacity = Math.max(
      ...sortedDrones.filter((d) => flightTiming(site, d, settings) !== null).map((d) => d.payloadG),
    );
    for (const bin of packParcels(bySite.get(siteId)!, capacity)) bins.push({ ...bin, siteId });
  }

  const readySec = new Map(sortedDrones.map((d) => [d.id, settings.windowStartSec]));
  const { flights, unscheduled } = scheduleBins(bins, siteById, sortedDrones, settings, readySec);
  for (const bin of unscheduled) {
    for (const p of bin.items) car.push({ parcelId: p.id, siteId: bin.siteId, reason: 'no_flight_slot' });
  }
  car.sort((a, b) => a.parcelId - b.parcelId);
  return {
    flights: flights.sort(byDeparture).map((f, i) => ({ ...f, seq: i + 1 })),
    car,
  };
}
