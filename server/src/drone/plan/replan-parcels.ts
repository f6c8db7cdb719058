import { flightTiming } from './flight-timing';
import { packParcels } from './pack-parcels';
import { airBlocker } from './plan-deliveries';
import { byDeparture, scheduleBins, type SiteBin, type UnseqFlight } from './schedule-bins';
import type { CarParcel, CarReason, PlanDrone, PlanParcel, PlanSettings, PlanSite } from './types';

export type FlightStatus = 'planned' | 'launched' | 'landed' | 'returned' | 'aborted' | 'cancelled';

export interface DayFlight {
  id: number;
  droneId: number;
  siteId: number;
  status: FlightStatus;
  loadG: number;
  departSec: number;
  returnSec: number;
}

export interface ReplanInput {
  /** The flight the parcels came off, if it was aborted (its drone needs a turnaround first). */
  aborted?: { id: number; droneId: number; siteId: number };
  /** The parcels to place: those of an aborted flight, or car parcels that may fly again. */
  parcels: readonly PlanParcel[];
  /** The other flights of the day, any status. */
  flights: readonly DayFlight[];
  sites: readonly PlanSite[];
  drones: readonly PlanDrone[];
  settings: PlanSettings;
  nowSec: number;
  /** Airframes that may not fly again today, e.g. the aborted one awaiting inspection. */
  groundedDroneIds?: readonly number[];
  /** Why a parcel that finds no flight goes by car (default: the flight was aborted). */
  carReason?: CarReason;
}

export interface ReplanResult {
  /** Parcels added to flights that have not left yet. */
  moved: { flightId: number; parcelIds: number[] }[];
  newFlights: UnseqFlight[];
  car: CarParcel[];
}

/**
 * Places parcels on the day's drone plan without moving anything already planned: each goes onto
 * a later flight to the same hall that still has room, else onto a new flight after the drones'
 * current work, else into the car. Used for an aborted flight's parcels (none is lost) and for car
 * parcels when the weather turns fine again.
 */
export function replanParcels(input: ReplanInput): ReplanResult {
  const { settings, nowSec } = input;
  const grounded = new Set(input.groundedDroneIds ?? []);
  const drones = input.drones.filter((d) => !grounded.has(d.id)).sort((a, b) => a.id - b.id);
  const droneById = new Map(drones.map((d) => [d.id, d]));
  const siteById = new Map(input.sites.map((s) => [s.id, s]));
  const car: CarParcel[] = [];
  const toCar = (p: PlanParcel) =>
    car.push({ parcelId: p.id, siteId: p.siteId, reason: input.carReason ?? 'aborted' });

  const later = input.flights
    .filter(
      (f) =>
        f.status === 'planned' &&
        f.id !== input.aborted?.id &&
        f.departSec >= nowSec &&
        droneById.has(f.droneId),
    )
    .sort((a, b) => a.departSec - b.departSec || a.id - b.id)
    .map((f) => ({ flight: f, roomG: droneById.get(f.droneId)!.payloadG - f.loadG, added: [] as number[] }));

  const leftover: PlanParcel[] = [];
  const sorted = [...input.parcels].sort((a, b) => b.weightG - a.weightG || a.id - b.id);
  for (const parcel of sorted) {
    if (airBlocker(parcel, siteById.get(parcel.siteId), drones, settings)) {
      toCar(parcel);
      continue;
    }
    const slot = later.find((l) => l.flight.siteId === parcel.siteId && l.roomG >= parcel.weightG);
    if (slot) {
      slot.roomG -= parcel.weightG;
      slot.added.push(parcel.id);
    } else {
      leftover.push(parcel);
    }
  }

  const readySec = new Map<number, number>();
  for (const drone of drones) {
    let ready = Math.max(nowSec, settings.windowStartSec);
    if (drone.id === input.aborted?.droneId) ready = Math.max(ready, nowSec + drone.turnaroundMin * 60);
    for (const f of input.flights) {
      if (f.droneId !== drone.id || f.status === 'aborted' || f.status === 'cancelled') continue;
      ready = Math.max(ready, f.returnSec + drone.turnaroundMin * 60);
    }
    readySec.set(drone.id, ready);
  }

  const bins: SiteBin[] = [];
  const bySite = new Map<number, PlanParcel[]>();
  for (const p of leftover) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), p]);
  for (const [siteId, group] of [...bySite].sort((a, b) => a[0] - b[0])) {
    const site = siteById.get(siteId)!;
    // airBlocker already removed parcels heavier than every drone that can reach the site.
    const capacity = Math.max(
      ...drones.filter((d) => flightTiming(site, d, settings) !== null).map((d) => d.payloadG),
    );
    for (const bin of packParcels(group, capacity)) bins.push({ ...bin, siteId });
  }
  const { flights, unscheduled } = scheduleBins(bins, siteById, drones, settings, readySec);
  for (const bin of unscheduled) bin.items.forEach(toCar);

  return {
    moved: later
      .filter((l) => l.added.length > 0)
      .map((l) => ({ flightId: l.flight.id, parcelIds: l.added })),
    newFlights: flights.sort(byDeparture),
    car: car.sort((a, b) => a.parcelId - b.parcelId),
  };
}
