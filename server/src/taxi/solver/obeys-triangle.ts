import type { Problem } from './types.js';

/**
 * True when no stop can be reached sooner by way of another stop: time(a, c) <= time(a, b) +
 * service(b) + time(b, c) for all nodes. Then dropping a stop never breaks a route and adding one
 * never makes an impossible insertion possible, which lets the search skip hopeless tries.
 * O(n^3): meant for static instances (a few hundred nodes), not for the live day.
 */
export function obeysTriangle(p: Problem, tolerance = 1e-9): boolean {
  const n = p.nodeCount;
  const { time, service } = p;
  for (let b = 0; b < n; b++) {
    const sb = service[b]!;
    for (let a = 0; a < n; a++) {
      const ab = time[a * n + b]! + sb;
      for (let c = 0; c < n; c++) {
        if (time[a * n + c]! > ab + time[b * n + c]! + tolerance) return false;
      }
    }
  }
  return true;
}
