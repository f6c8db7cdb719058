import type { DispatchState } from './dispatch-types.js';
import { evaluateRoute } from './evaluate-route.js';
import { liveProblem } from './live-problem.js';
import type { LatLng } from './travel-table.js';

export interface PlannedStop {
  bookingId: string;
  kind: 'pickup' | 'dropoff';
  at: LatLng;
  /** planned start of service (minutes since midnight) */
  time: number;
  passengers: number;
  /** service has begun (time is final) */
  served: boolean;
  /** the vehicle is on its way or already there: this stop will not be moved */
  locked: boolean;
}

export interface PlannedRoute {
  vehicleId: string;
  departure: number;
  return: number;
  km: number;
  stops: PlannedStop[];
}

/** The live plan as driver-facing routes with planned times (what a driver tablet shows). */
export function describePlan(state: DispatchState): PlannedRoute[] {
  const { problem } = liveProblem(state);
  const times: number[] = [];
  return state.plan.routes.map((route, v) => {
    const km = evaluateRoute(problem, v, route, times);
    if (km < 0) throw new Error(`live route ${v} is infeasible`);
    return {
      vehicleId: state.settings.vehicles[v]!.id,
      departure: times[0]!,
      return: times[route.length + 1]!,
      km,
      stops: route.map((node, k) => {
        const req = state.requests.get(state.owner[node]!)!;
        const pickup = node === req.pickupNode;
        return {
          bookingId: req.booking.id,
          kind: pickup ? 'pickup' : 'dropoff',
          at: pickup ? req.booking.pickup : req.booking.dropoff,
          time: times[k + 1]!,
          passengers: req.booking.passengers,
          served: state.served.has(node),
          locked: k < state.plan.locked[v]!,
        };
      }),
    };
  });
}
