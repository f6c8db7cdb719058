import type { DispatchSettings, DispatchState } from './dispatch-types.js';
import { syncNodeArrays } from './live-problem.js';
import { addPoints, createTravelTable, type LatLng, type TravelRows } from './travel-table.js';

/** The points whose travel rows `createDispatchState` needs: start and end depot of each vehicle. */
export function depotPoints(settings: DispatchSettings): LatLng[] {
  return settings.vehicles.flatMap((v) => [v.depot, v.depot]);
}

/**
 * A fresh dispatcher for one service day. `depotRows` are the travel rows of `depotPoints(settings)`
 * among themselves (targets = none), as returned by a travel provider.
 */
export function createDispatchState(
  settings: DispatchSettings,
  depotRows: TravelRows,
  now: number,
): DispatchState {
  const table = createTravelTable(Math.max(64, settings.vehicles.length * 4));
  const slots = addPoints(table, depotPoints(settings), [], depotRows);
  const state: DispatchState = {
    settings,
    table,
    early: new Float64Array(0),
    late: new Float64Array(0),
    service: new Float64Array(0),
    load: new Int32Array(0),
    owner: [],
    startNode: [],
    endNode: [],
    plan: { routes: settings.vehicles.map(() => []), locked: settings.vehicles.map(() => 0) },
    served: new Map(),
    requests: new Map(),
    finished: [],
    history: [],
    drivenKm: settings.vehicles.map(() => 0),
    now,
  };
  syncNodeArrays(state);
  settings.vehicles.forEach((v, k) => {
    const s = slots[2 * k]!;
    const e = slots[2 * k + 1]!;
    state.startNode.push(s);
    state.endNode.push(e);
    state.early[s] = Math.max(v.shiftStart, now);
    state.late[s] = v.shiftEnd;
    state.early[e] = v.shiftStart;
    state.late[e] = v.shiftEnd;
  });
  return state;
}
