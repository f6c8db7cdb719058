import type { LatLng, TravelTable } from './travel-table.js';
import type { Plan } from './types.js';

/** Times are minutes since midnight (Asia/Tokyo) of the service day. */
export interface DispatchVehicle {
  id: string;
  depot: LatLng;
  /** seats for riders */
  capacity: number;
  shiftStart: number;
  shiftEnd: number;
}

export interface DispatchSettings {
  vehicles: DispatchVehicle[];
  /**
   * Service hours: requested times must fall inside [serviceStart, serviceEnd], and so must every
   * planned pickup and drop-off (widened by `serviceGraceMinutes` at both ends)
   */
  serviceStart: number;
  serviceEnd: number;
  /** how far outside the service hours a pickup or drop-off may be planned (default 0) */
  serviceGraceMinutes?: number;
  /** max ride = direct minutes * factor + addMinutes */
  maxRide: { factor: number; addMinutes: number };
  /** width of the requested window: arrive by T -> drop-off in [T - w, T]; leave after T -> pickup in [T, T + w] */
  requestWindowMinutes: number;
  /** width of the promised pickup window given on acceptance */
  promiseWidthMinutes: number;
  /** for "leave after": promised latest arrival = planned arrival + this slack */
  arrivalSlackMinutes: number;
  /** boarding / alighting time at each stop */
  stopMinutes: number;
  /** a booking must leave at least this much time before its earliest pickup */
  minLeadMinutes: number;
  /** shifts of the requested time tried when a booking is refused, nearest first */
  alternativeShifts: number[];
}

export const defaultDispatchSettings: Omit<DispatchSettings, 'vehicles'> = {
  serviceStart: 9 * 60,
  serviceEnd: 15 * 60,
  serviceGraceMinutes: 0,
  maxRide: { factor: 1.5, addMinutes: 10 },
  requestWindowMinutes: 30,
  promiseWidthMinutes: 10,
  arrivalSlackMinutes: 10,
  stopMinutes: 1,
  minLeadMinutes: 10,
  alternativeShifts: [15, -15, 30, -30, 45, -45, 60, -60],
};

export interface Booking {
  id: string;
  pickup: LatLng;
  dropoff: LatLng;
  passengers: number;
  kind: 'arriveBy' | 'leaveAfter';
  /** the requested time T (minutes since midnight) */
  time: number;
}

/** What the rider is told, and what re-optimisation must keep. */
export interface RidePromise {
  pickupFrom: number;
  pickupTo: number;
  /** expected arrival at booking time (may move within the promise later) */
  expectedArrival: number;
  latestArrival: number;
}

export type BookingAnswer =
  | { status: 'accepted'; bookingId: string; vehicleId: string; promise: RidePromise }
  | {
      status: 'refused';
      bookingId: string;
      reason: 'outside-hours' | 'too-late' | 'no-capacity' | 'too-many-passengers';
      /** requested times that would have been accepted now, nearest first */
      alternatives: number[];
      /**
       * The earliest "arrive by" time (5-minute grid, from the requested arrival on, at most two
       * hours later and inside the service hours) that would be accepted now; absent when none is
       */
      earliestArrival?: number;
    };

export interface LiveRequest {
  booking: Booking;
  pickupNode: number;
  deliveryNode: number;
  maxRide: number;
  directMinutes: number;
  promise: RidePromise;
  /** set when the drop-off has happened and the request left the live plan */
  done?: { pickup: number; dropoff: number; vehicle: number };
}

export interface ServedStop {
  vehicle: number;
  bookingId: string;
  kind: 'pickup' | 'dropoff';
  time: number;
}

/** The dispatcher's whole live state. Plain data, mutated only by the dispatcher functions. */
export interface DispatchState {
  settings: DispatchSettings;
  table: TravelTable;
  /** per node (= table slot): window, service, load, owning request id ('' for vehicle nodes) */
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  load: Int32Array;
  owner: string[];
  /** vehicle v starts at node startNode[v] and ends at endNode[v] */
  startNode: number[];
  endNode: number[];
  plan: Plan;
  /** start of service fixed for stops already served (node -> time) */
  served: Map<number, number>;
  requests: Map<string, LiveRequest>;
  /** finished rides, in completion order, for reports */
  finished: LiveRequest[];
  /** stops that left the live plan, in service order, and the km driven to reach them */
  history: ServedStop[];
  drivenKm: number[];
  now: number;
}
