/**
 * Core data model of the dial-a-ride solver. Everything is plain data with flat typed arrays so the
 * hot loops (schedule evaluation, insertion search) stay allocation-free.
 *
 * Units: times and durations in minutes (floats); costs in whatever unit `cost` holds (km for the
 * taxi service, Euclidean distance for the literature instances).
 */

/** A dial-a-ride instance: nodes 0..nodeCount-1 with windows, requests and vehicles over them. */
export interface Problem {
  nodeCount: number;
  /** travel time from i to j at `time[i * nodeCount + j]` (minutes). */
  time: Float64Array;
  /** arc cost from i to j at `cost[i * nodeCount + j]` (the objective sums these). */
  cost: Float64Array;
  /** earliest start of service per node. */
  early: Float64Array;
  /** latest start of service per node. */
  late: Float64Array;
  /** service duration per node. */
  service: Float64Array;
  /** load change per node: +q at a pickup, -q at its delivery, 0 at depots. */
  load: Int32Array;
  /** request index of a pickup/delivery node, -1 for depots and unused nodes. */
  requestOf: Int32Array;
  /** the other node of the same request (pickup <-> delivery), -1 for depots. */
  partner: Int32Array;
  /** 1 at pickup nodes. */
  isPickup: Uint8Array;
  /** max ride time of the request a node belongs to (0 for depots). */
  maxRideOf: Float64Array;
  requests: RequestSpec[];
  vehicles: VehicleSpec[];
}

export interface RequestSpec {
  pickup: number;
  delivery: number;
  /** upper bound on (start of delivery) - (start of pickup + pickup service). */
  maxRide: number;
}

export interface VehicleSpec {
  /** start depot node (its window is the earliest/latest departure). */
  start: number;
  /** end depot node (its window bounds the return). */
  end: number;
  capacity: number;
  /** upper bound on (return time) - (departure time). */
  maxDuration: number;
}

/**
 * A plan: one stop sequence per vehicle (pickup/delivery nodes, depots excluded), the first
 * `locked[v]` stops of vehicle v may not be moved or preceded by a new stop.
 */
export interface Plan {
  routes: number[][];
  locked: number[];
}

/** Start of service per position of a route: index 0 = start depot, last = end depot. */
export interface RouteSchedule {
  feasible: boolean;
  cost: number;
  /** start of service at depot, stops..., end depot */
  start: number[];
}
