import { buildProblem } from './build-problem.js';
import type { Problem } from './types.js';

/** A literature instance plus the coordinates needed to write and check solutions. */
export interface CordeauInstance {
  problem: Problem;
  /** number of requests */
  n: number;
  /** node id written for the end depot in solutions (2n+1) */
  endDepotId: number;
  x: Float64Array;
  y: Float64Array;
}

/**
 * Parses a Cordeau (2006) DARP instance, or the Cordeau-Laporte (2003) variant whose second header
 * field is 2n and whose end-depot line is omitted (the end depot is then a copy of node 0).
 * Travel time and cost are the unrounded Euclidean distances.
 */
export function parseCordeau(text: string): CordeauInstance {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length < 2) throw new Error('instance: too few lines');
  const header = lines[0]!.split(/\s+/).map(Number);
  if (header.length < 5 || header.slice(0, 5).some((v) => !Number.isFinite(v))) {
    throw new Error('instance: header must hold K n T Q L');
  }
  const [K, h1, T, Q, L] = header as [number, number, number, number, number];
  const rows = lines.slice(1).map((line, i) => {
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.slice(0, 7).some((v) => !Number.isFinite(v))) {
      throw new Error(`instance: node line ${i + 2} must hold id x y d q e l`);
    }
    if (f[0] !== i) throw new Error(`instance: node line ${i + 2} has id ${f[0]}, expected ${i}`);
    return f;
  });
  const m = rows.length;
  let n: number;
  let hasEnd: boolean;
  if (m === 2 * h1 + 2) [n, hasEnd] = [h1, true];
  else if (m === h1 + 1 && h1 % 2 === 0) [n, hasEnd] = [h1 / 2, false];
  else if (m === h1 + 2 && h1 % 2 === 0) [n, hasEnd] = [h1 / 2, true];
  else if (m === 2 * h1 + 1) [n, hasEnd] = [h1, false];
  else throw new Error(`instance: ${m} node lines do not match header value ${h1}`);
  if (!hasEnd) rows.push([2 * n + 1, ...rows[0]!.slice(1)]);

  const N = 2 * n + 2;
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  const early = new Float64Array(N);
  const late = new Float64Array(N);
  const service = new Float64Array(N);
  const load = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const r = rows[i]!;
    x[i] = r[1]!;
    y[i] = r[2]!;
    service[i] = r[3]!;
    load[i] = r[4]!;
    early[i] = r[5]!;
    late[i] = r[6]!;
  }
  const time = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) time[i * N + j] = Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
  }
  const requests = [];
  for (let r = 0; r < n; r++) {
    requests.push({ pickup: r + 1, delivery: n + r + 1, maxRide: L });
  }
  const vehicles = Array.from({ length: K }, () => ({ start: 0, end: N - 1, capacity: Q, maxDuration: T }));
  const problem: Problem = buildProblem({
    nodeCount: N,
    time,
    cost: time,
    early,
    late,
    service,
    load,
    requests,
    vehicles,
  });
  return { problem, n, endDepotId: N - 1, x, y };
}
