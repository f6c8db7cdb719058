/**
 * Pure planning types. Times are seconds since Tokyo midnight of the delivery day, so the planner
 * never touches a clock or a time zone; the caller converts to instants.
 */

export type CarReason =
  | 'overweight'
  | 'not_air_cargo'
  | 'no_route'
  | 'out_of_range'
  | 'no_drone'
  | 'no_flight_slot'
  | 'weather'
  | 'aborted';

export interface PlanParcel {
  /** The order id: one order is one parcel. */
  id: number;
  /** Landing site (community hall) id. */
  siteId: number;
  weightG: number;
  /** False when the goods may not fly (e.g. a flower pot or fragile items the store flagged). */
  airEligible?: boolean;
}

export interface PlanSite {
  id: number;
  /** One-way route length from the port; null when the site has no drone route. */
  routeLengthM: number | null;
}

export interface PlanDrone {
  id: number;
  payloadG: number;
  cruiseSpeedMps: number;
  /** Battery swap and checks at the port between flights. */
  turnaroundMin: number;
  /** Longest single leg on one battery; the volunteer swaps the battery at the hall. */
  enduranceMin?: number | null;
}

export interface PlanSettings {
  /** When goods reach the port and the first flight may leave. */
  windowStartSec: number;
  /** Every flight must be back at the port by then. */
  windowEndSec: number;
  /** Time on the ground at the hall: landing, unloading, battery swap. */
  dwellSec: number;
}

export interface PlannedFlight {
  /** 1-based, in departure order; stable for the same input. */
  seq: number;
  droneId: number;
  siteId: number;
  parcelIds: number[];
  loadG: number;
  departSec: number;
  arriveSec: number;
  returnSec: number;
  /** When the drone can leave again after the battery swap. */
  readySec: number;
}

export interface CarParcel {
  parcelId: number;
  siteId: number;
  reason: CarReason;
}

export interface DeliveryPlan {
  flights: PlannedFlight[];
  car: CarParcel[];
}
