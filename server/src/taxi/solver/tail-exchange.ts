import { checkRoute } from './check-route.js';
import { setRoute, type Solution } from './solution.js';
import type { Problem } from './types.js';

/** Positions k (locked..len) where a route is empty: the stops before k leave nobody aboard. */
export function emptyCuts(p: Problem, route: number[], locked: number): number[] {
  const out: number[] = [];
  let load = 0;
  for (let k = 0; k <= route.length; k++) {
    if (k >= locked && load === 0) out.push(k);
    if (k < route.length) load += p.load[route[k]!]!;
  }
  return out;
}

/**
 * Local search (2-opt* at empty points): two routes swap their tails where both vehicles are
 * empty, so whole runs of requests change vehicle in one move – a move that single-request
 * relocations and removals rarely find. The cost change is known in O(1) from the two junction
 * arcs (each tail keeps running to its new vehicle's own end depot); only improving exchanges are
 * checked exactly. At most 5 passes over all route pairs per call. Returns the number of exchanges
 * made.
 */
export function tailExchangeDescent(
  p: Problem,
  s: Solution,
  shouldStop: () => boolean = () => false,
): number {
  const n = p.nodeCount;
  const K = s.routes.length;
  const c = p.cost;
  const cuts = s.routes.map((route, v) => emptyCuts(p, route, s.locked[v]!));
  let moves = 0;
  for (let pass = 0; pass < 5; pass++) {
    let improved = false;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        if (shouldStop()) return moves;
        const A = s.routes[a]!;
        const B = s.routes[b]!;
        const endA = p.vehicles[a]!.end;
        const endB = p.vehicles[b]!.end;
        const startA = p.vehicles[a]!.start;
        const startB = p.vehicles[b]!.start;
        let found = false;
        for (const i of cuts[a]!) {
          const lastA = i === 0 ? startA : A[i - 1]!;
          // the first node of A's tail, or -1 when the tail is empty
          const headA = i === A.length ? -1 : A[i]!;
          const oldA = c[lastA * n + (headA < 0 ? endA : headA)]!;
          for (const j of cuts[b]!) {
            const headB = j === B.length ? -1 : B[j]!;
            if (headA < 0 && headB < 0) continue;
            const lastB = j === 0 ? startB : B[j - 1]!;
            const oldB = c[lastB * n + (headB < 0 ? endB : headB)]!;
            const newA = c[lastA * n + (headB < 0 ? endA : headB)]!;
            const newB = c[lastB * n + (headA < 0 ? endB : headA)]!;
            let delta = newA + newB - oldA - oldB;
            // with different end depots the tails' last arcs change too
            if (endA !== endB) {
              if (headA >= 0) delta += c[A[A.length - 1]! * n + endB]! - c[A[A.length - 1]! * n + endA]!;
              if (headB >= 0) delta += c[B[B.length - 1]! * n + endA]! - c[B[B.length - 1]! * n + endB]!;
            }
            if (delta > -1e-7) continue;
            const nextA = A.slice(0, i).concat(B.slice(j));
            const ca = checkRoute(p, a, nextA);
            if (ca < 0) continue;
            const nextB = B.slice(0, j).concat(A.slice(i));
            const cb = checkRoute(p, b, nextB);
            if (cb < 0 || ca + cb > s.routeCost[a]! + s.routeCost[b]! - 1e-7) continue;
            setRoute(p, s, a, nextA, ca);
            setRoute(p, s, b, nextB, cb);
            cuts[a] = emptyCuts(p, nextA, s.locked[a]!);
            cuts[b] = emptyCuts(p, nextB, s.locked[b]!);
            moves++;
            improved = true;
            found = true;
            break;
          }
          if (found) break;
        }
      }
    }
    if (!improved) break;
  }
  return moves;
}
