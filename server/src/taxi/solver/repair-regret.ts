import { checkRoute } from './check-route.js';
import {
  applyInsertion,
  createRoutePrep,
  insertInto,
  prepareRoute,
  type Insertion,
  type RoutePrep,
} from './find-insertion.js';
import type { Rng } from './rng.js';
import { setRoute, type Solution } from './solution.js';
import type { Problem } from './types.js';

const NONE = 1e9;
/** per vehicle: its route prepared for insertions (reused across calls) */
const preps: RoutePrep[] = [];

/**
 * Regret-k insertion (Ropke & Pisinger 2006): repeatedly inserts the unassigned request whose
 * cheapest insertion would cost most if postponed (k = 1 is plain greedy). `noise` > 0 perturbs the
 * insertion costs by up to ±noise to diversify. Requests that fit nowhere stay unassigned.
 * `metric`: travel times obey the triangle inequality (see `obeysTriangle`), so a request that
 * fits nowhere in a route still fits nowhere once the route got longer and is not tried again.
 * `onlyRoutes` (1 = allowed, per vehicle): insert only there (a route-based subproblem).
 */
export function repairRegret(
  p: Problem,
  s: Solution,
  k: number,
  rng: Rng,
  noise: number,
  metric = false,
  onlyRoutes?: Uint8Array,
): void {
  const rows = s.unassigned;
  const nR = rows.length;
  if (nR === 0) return;
  const K = s.routes.length;
  const key = new Float64Array(nR * K);
  const posI = new Int32Array(nR * K);
  const posJ = new Int32Array(nR * K);
  const active = new Uint8Array(nR).fill(1);
  const ins: Insertion = { delta: 0, pickupAt: 0, deliveryAt: 0 };
  while (preps.length < K) preps.push(createRoutePrep());
  for (let v = 0; v < K; v++)
    if (!onlyRoutes || onlyRoutes[v] === 1) prepareRoute(p, v, s.routes[v]!, preps[v]!);
  const compute = (row: number, v: number): void => {
    const at = row * K + v;
    if (onlyRoutes && onlyRoutes[v] === 0) key[at] = Infinity;
    else if (insertInto(p, preps[v]!, s.locked[v]!, rows[row]!, ins, Infinity, metric)) {
      const d = noise > 0 ? ins.delta + noise * (2 * rng() - 1) : ins.delta;
      key[at] = d < 0 ? 0 : d;
      posI[at] = ins.pickupAt;
      posJ[at] = ins.deliveryAt;
    } else key[at] = Infinity;
  };
  for (let row = 0; row < nR; row++) for (let v = 0; v < K; v++) compute(row, v);

  const left: number[] = [];
  const top = new Float64Array(Math.max(k, 1));
  for (;;) {
    let pick = -1;
    let pickV = -1;
    let bestRegret = -Infinity;
    let bestC1 = Infinity;
    for (let row = 0; row < nR; row++) {
      if (!active[row]) continue;
      // keep the k smallest costs of this row in `top` (k is small)
      top.fill(Infinity);
      let v1 = -1;
      for (let v = 0; v < K; v++) {
        const c = key[row * K + v]!;
        if (c === Infinity) continue;
        if (c < top[0]!) v1 = v;
        for (let h = 0; h < k; h++) {
          if (c < top[h]!) {
            for (let g = k - 1; g > h; g--) top[g] = top[g - 1]!;
            top[h] = c;
            break;
          }
        }
      }
      if (v1 < 0) {
        active[row] = 0;
        left.push(rows[row]!);
        continue;
      }
      const c1 = top[0]!;
      let regret = 0;
      for (let h = 1; h < k; h++) regret += (top[h] === Infinity ? NONE : top[h]!) - c1;
      if (regret > bestRegret || (regret === bestRegret && c1 < bestC1)) {
        bestRegret = regret;
        bestC1 = c1;
        pick = row;
        pickV = v1;
      }
    }
    if (pick < 0) break;
    const at = pick * K + pickV;
    const r = rows[pick]!;
    const route = applyInsertion(s.routes[pickV]!, p, r, {
      delta: 0,
      pickupAt: posI[at]!,
      deliveryAt: posJ[at]!,
    });
    const c = checkRoute(p, pickV, route);
    active[pick] = 0;
    if (c < 0) {
      // the screened insertion was feasible, so this only guards against inconsistent input
      left.push(r);
      continue;
    }
    setRoute(p, s, pickV, route, c);
    prepareRoute(p, pickV, route, preps[pickV]!);
    for (let row = 0; row < nR; row++) {
      if (active[row] && !(metric && key[row * K + pickV] === Infinity)) compute(row, pickV);
    }
  }
  s.unassigned = left;
}
