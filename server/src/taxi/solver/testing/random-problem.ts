import { buildProblem } from '../build-problem.js';
import { createRng } from '../rng.js';
import type { Problem } from '../types.js';

/**
 * A small random DARP instance on a 20x20 grid (Euclidean times), for property tests. Windows are
 * loose enough that many but not all insertions are feasible.
 */
export function randomProblem(seed: number, requests: number, vehicles: number): Problem {
  const rng = createRng(seed);
  const N = 2 * vehicles + 2 * requests;
  const x: number[] = [];
  const y: number[] = [];
  const early = new Float64Array(N);
  const late = new Float64Array(N);
  const service = new Float64Array(N);
  const load = new Int32Array(N);
  for (let v = 0; v < vehicles; v++) {
    const px = rng() * 20;
    const py = rng() * 20;
    x.push(px, px);
    y.push(py, py);
    early[2 * v] = early[2 * v + 1] = 0;
    late[2 * v] = late[2 * v + 1] = 300;
  }
  const reqs = [];
  for (let r = 0; r < requests; r++) {
    const pk = 2 * vehicles + 2 * r;
    const dl = pk + 1;
    x.push(rng() * 20, rng() * 20);
    y.push(rng() * 20, rng() * 20);
    const t = 20 + rng() * 200;
    const direct = Math.hypot(x[pk]! - x[dl]!, y[pk]! - y[dl]!);
    early[pk] = t;
    late[pk] = t + 10 + rng() * 30;
    early[dl] = 0;
    late[dl] = late[pk]! + direct + 20 + rng() * 20;
    service[pk] = service[dl] = 1;
    const q = rng() < 0.8 ? 1 : 2;
    load[pk] = q;
    load[dl] = -q;
    reqs.push({ pickup: pk, delivery: dl, maxRide: direct * 1.5 + 5 });
  }
  const time = new Float64Array(N * N);
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) time[i * N + j] = Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
  return buildProblem({
    nodeCount: N,
    time,
    cost: time,
    early,
    late,
    service,
    load,
    requests: reqs,
    vehicles: Array.from({ length: vehicles }, (_, v) => ({
      start: 2 * v,
      end: 2 * v + 1,
      capacity: 3,
      maxDuration: 240,
    })),
  });
}

/** Independent check of a schedule against every constraint (windows, timing, load, ride, duration). */
export function scheduleViolations(p: Problem, v: number, route: number[], start: number[]): string[] {
  const eps = 1e-6;
  const veh = p.vehicles[v]!;
  const nodes = [veh.start, ...route, veh.end];
  const out: string[] = [];
  if (start.length !== nodes.length) return ['schedule length'];
  let load = 0;
  const at = new Map<number, number>();
  nodes.forEach((node, k) => {
    if (start[k]! < p.early[node]! - eps || start[k]! > p.late[node]! + eps) out.push(`window at ${node}`);
    if (k > 0) {
      const prev = nodes[k - 1]!;
      if (start[k]! < start[k - 1]! + p.service[prev]! + p.time[prev * p.nodeCount + node]! - eps)
        out.push(`timing at ${node}`);
    }
    load += p.load[node]!;
    if (load > veh.capacity || load < 0) out.push(`load at ${node}`);
    at.set(node, start[k]!);
  });
  for (const r of p.requests) {
    const a = at.get(r.pickup);
    const b = at.get(r.delivery);
    if (a === undefined && b === undefined) continue;
    if (a === undefined || b === undefined || b < a) {
      out.push(`precedence of ${r.pickup}`);
      continue;
    }
    if (b - a - p.service[r.pickup]! > r.maxRide + eps) out.push(`ride of ${r.pickup}`);
  }
  if (start[start.length - 1]! - start[0]! > veh.maxDuration + eps) out.push('duration');
  return out;
}
