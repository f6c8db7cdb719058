import { solutionFromPlan, type Solution } from '../../server/src/taxi/solver/solution.js';
import type { Problem } from '../../server/src/taxi/solver/types.js';

// Layout of the shared board: Int32 [lock, version, used ints], Float64 cost at byte 16, then the
// routes from byte 24 as Int32 (route count, then per route its length and nodes).
const LOCK = 0;
const VERSION = 1;
const HEADER_BYTES = 24;

/** Shared memory through which parallel searches of one instance publish their best solution. */
export function createBestBoard(bytes = 1 << 20): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(bytes);
  new Float64Array(sab, 16, 1)[0] = Infinity;
  return sab;
}

function withLock<T>(head: Int32Array, f: () => T): T {
  // critical sections copy a few hundred integers, so spinning is cheaper than waiting
  while (Atomics.compareExchange(head, LOCK, 0, 1) !== 0);
  try {
    return f();
  } finally {
    Atomics.store(head, LOCK, 0);
  }
}

/**
 * Exchange hook for `improveSolution`: publishes our best when it beats the board, or returns the
 * board's solution when another search has published a better one we have not adopted yet.
 */
export function shareBest(board: SharedArrayBuffer, p: Problem): (best: Solution) => Solution | undefined {
  const head = new Int32Array(board, 0, 3);
  const cost = new Float64Array(board, 16, 1);
  const data = new Int32Array(board, HEADER_BYTES);
  let seen = 0;
  return (best) => {
    const mine = best.unassigned.length > 0 ? Infinity : best.cost;
    const routes = withLock(head, (): number[][] | undefined => {
      const version = Atomics.load(head, VERSION);
      if (mine < cost[0]! - 1e-9) {
        const need = 1 + best.routes.reduce((a, r) => a + 1 + r.length, 0);
        if (need > data.length) return undefined;
        let k = 0;
        data[k++] = best.routes.length;
        for (const r of best.routes) {
          data[k++] = r.length;
          for (const node of r) data[k++] = node;
        }
        cost[0] = mine;
        seen = version + 1;
        Atomics.store(head, VERSION, seen);
        return undefined;
      }
      if (version === seen || !(cost[0]! < mine - 1e-9)) return undefined;
      seen = version;
      const out: number[][] = [];
      let k = 0;
      const count = data[k++]!;
      for (let v = 0; v < count; v++) {
        const len = data[k++]!;
        out.push(Array.from(data.subarray(k, k + len)));
        k += len;
      }
      return out;
    });
    if (!routes) return undefined;
    return solutionFromPlan(p, { routes, locked: new Array<number>(routes.length).fill(0) });
  };
}
