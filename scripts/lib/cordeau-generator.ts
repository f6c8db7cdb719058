import { Random } from '../../server/src/lib/random.js';

/** Settings of one generated instance (defaults: Cordeau's scheme with this limits). */
export interface GeneratorSpec {
  vehicles: number;
  requests: number;
  seed: number;
  /** planning horizon = maximum route duration = depot window (720 as in the largest set-"a" files) */
  horizon?: number;
  capacity?: number;
  maxRide?: number;
  service?: number;
  windowWidth?: number;
}

/**
 * Generates a static DARP instance after Cordeau (2006), "A branch-and-cut algorithm for the
 * dial-a-ride problem", Operations Research 54(3): pickup and delivery points uniform in the
 * square [-10, 10]², one depot at the centre, one passenger per request, the first half of the
 * requests "outbound" (a tight window on the drop-off) and the second half "inbound" (a tight
 * window on the pickup); the other stop's window is [0, 1440]. A tight window opens at an integer
 * minute drawn uniformly from [60, horizon - 60], which leaves every request servable on its own
 * (depot to any point ≤ 14.2, any two points ≤ 28.3 apart). Written in the Cordeau text format
 * that `parseCordeau` and check.mjs read. Same spec, same text, on every machine.
 */
export function generateCordeau(spec: GeneratorSpec): string {
  const T = spec.horizon ?? 720;
  const Q = spec.capacity ?? 3;
  const L = spec.maxRide ?? 90;
  const d = spec.service ?? 3;
  const w = spec.windowWidth ?? 10;
  const n = spec.requests;
  const rnd = new Random(spec.seed);
  // three decimals, as in the published files: the checker measures on the printed coordinates
  const coord = (): number => Math.round(rnd.uniform(-10, 10) * 1000) / 1000;
  const pick: [number, number][] = [];
  const drop: [number, number][] = [];
  for (let i = 0; i < n; i++) pick.push([coord(), coord()]);
  for (let i = 0; i < n; i++) drop.push([coord(), coord()]);
  const open = (): number => rnd.int(60, T - 60);
  const pickWin: [number, number][] = [];
  const dropWin: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const e = open();
    const outbound = i < Math.floor(n / 2);
    pickWin.push(outbound ? [0, 1440] : [e, e + w]);
    dropWin.push(outbound ? [e, e + w] : [0, 1440]);
  }
  const line = (id: number, x: number, y: number, s: number, q: number, e: number, l: number): string =>
    `${String(id).padStart(3)} ${x.toFixed(3).padStart(7)} ${y.toFixed(3).padStart(7)} ${String(s).padStart(3)} ` +
    `${String(q).padStart(3)} ${String(e).padStart(4)} ${String(l).padStart(4)}`;
  const out = [`${spec.vehicles} ${n} ${T} ${Q} ${L}`, line(0, 0, 0, 0, 0, 0, T)];
  for (let i = 0; i < n; i++) out.push(line(i + 1, ...pick[i]!, d, 1, ...pickWin[i]!));
  for (let i = 0; i < n; i++) out.push(line(n + i + 1, ...drop[i]!, d, -1, ...dropWin[i]!));
  out.push(line(2 * n + 1, 0, 0, 0, 0, 0, T));
  return out.join('\n') + '\n';
}

/**
 * The committed large set (bench/darp-large/instances): 100-150 requests, 8-13 vehicles, one seed
 * per instance (1000 + requests), named gK-n like the set-"a" files.
 */
export const LARGE_SET: GeneratorSpec[] = [
  [8, 100],
  [8, 105],
  [9, 110],
  [9, 115],
  [10, 120],
  [11, 130],
  [11, 135],
  [12, 140],
  [12, 145],
  [13, 150],
].map(([vehicles, requests]) => ({ vehicles: vehicles!, requests: requests!, seed: 1000 + requests! }));

export const largeName = (s: GeneratorSpec): string => `g${s.vehicles}-${s.requests}`;
