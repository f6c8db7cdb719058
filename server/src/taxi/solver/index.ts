/**
 * engawa taxi dispatcher: a pure dial-a-ride solver (no I/O, no clock reads).
 * See docs/taxi-solver.md for the API walk-through.
 */
// live dispatching (what the taxi service uses)
export { createDispatchState, depotPoints } from './create-dispatch-state.js';
export { advanceClock } from './advance-clock.js';
export { bookRide } from './book-ride.js';
export type { NewPointsTravel } from './book-ride.js';
export { reoptimizePlan } from './reoptimize-plan.js';
export type { ReoptimizeOptions } from './reoptimize-plan.js';
export { describePlan } from './describe-plan.js';
export type { PlannedRoute, PlannedStop } from './describe-plan.js';
export { defaultDispatchSettings } from './dispatch-types.js';
export type {
  Booking,
  BookingAnswer,
  DispatchSettings,
  DispatchState,
  DispatchVehicle,
  LiveRequest,
  RidePromise,
  ServedStop,
} from './dispatch-types.js';
export { liveSlots } from './travel-table.js';
export type { LatLng, TravelRows, TravelTable } from './travel-table.js';
// static solving and building blocks
export { buildProblem } from './build-problem.js';
export { parseCordeau } from './parse-cordeau.js';
export type { CordeauInstance } from './parse-cordeau.js';
export { evaluateRoute, scheduleRoute } from './evaluate-route.js';
export { findInsertion, applyInsertion } from './find-insertion.js';
export type { Insertion } from './find-insertion.js';
export { solveStatic } from './solve-static.js';
export { improveSolution } from './improve-solution.js';
export type { SearchOptions, SearchStats } from './improve-solution.js';
export type { Solution } from './solution.js';
export type { Plan, Problem, RequestSpec, RouteSchedule, VehicleSpec } from './types.js';
