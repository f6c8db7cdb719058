import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { parseCordeau } from '../../server/src/taxi/solver/parse-cordeau.js';
import { solveStatic } from '../../server/src/taxi/solver/solve-static.js';
import { toCheckerJson } from './darp-io.js';

const { text, seed, deadline, iterations } = workerData as {
  text: string;
  seed: number;
  /** absolute ms (timeOrigin + now) shared with the parent thread */
  deadline: number;
  iterations?: number;
};
const timeLimitMs = Math.max(0, deadline - (performance.timeOrigin + performance.now()));
const inst = parseCordeau(text);
const stats = { iterations: 0, improvements: 0 };
const best = solveStatic(
  inst.problem,
  { seed, now: () => performance.now(), timeLimitMs, maxIterations: iterations },
  stats,
);
parentPort!.postMessage({
  cost: best.unassigned.length > 0 ? Infinity : best.cost,
  unassigned: best.unassigned.length,
  iterations: stats.iterations,
  solution: toCheckerJson(inst, best),
});
