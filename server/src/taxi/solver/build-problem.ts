import type { Problem, RequestSpec, VehicleSpec } from './types.js';

export interface ProblemInput {
  nodeCount: number;
  time: Float64Array;
  cost: Float64Array;
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  load: Int32Array;
  requests: RequestSpec[];
  vehicles: VehicleSpec[];
}

/** Completes a problem with the per-node lookup arrays the hot loops use. */
export function buildProblem(input: ProblemInput): Problem {
  const N = input.nodeCount;
  const requestOf = new Int32Array(N).fill(-1);
  const partner = new Int32Array(N).fill(-1);
  const isPickup = new Uint8Array(N);
  const maxRideOf = new Float64Array(N);
  input.requests.forEach((r, i) => {
    requestOf[r.pickup] = i;
    requestOf[r.delivery] = i;
    partner[r.pickup] = r.delivery;
    partner[r.delivery] = r.pickup;
    isPickup[r.pickup] = 1;
    maxRideOf[r.pickup] = r.maxRide;
    maxRideOf[r.delivery] = r.maxRide;
  });
  return { ...input, requestOf, partner, isPickup, maxRideOf };
}
