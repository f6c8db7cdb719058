import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { parseCordeau } from '../../server/src/taxi/solver/parse-cordeau.js';
import { solveStatic } from '../../server/src/taxi/solver/solve-static.js';
import { toCheckerJson } from './darp-io.js';
import { shareBest } from './share-best.js';

export interface DarpJob {
  text: string;
  seed: number;
  /** absolute ms (timeOrigin + now) shared with the parent thread */
  deadline: number;
  iterations?: number;
  /** board shared by the searches of this instance (see share-best.ts); absent = independent */
  board?: SharedArrayBuffer;
}

// One worker serves many jobs, so module loading is paid once per process, not per instance.
parentPort!.on('message', (job: DarpJob) => {
  const timeLimitMs = Math.max(0, job.deadline - (performance.timeOrigin + performance.now()));
  const inst = parseCordeau(job.text);
  const stats = { iterations: 0, improvements: 0 };
  const best = solveStatic(
    inst.problem,
    {
      seed: job.seed,
      now: () => performance.now(),
      timeLimitMs,
      maxIterations: job.iterations,
      exchange: job.board ? shareBest(job.board, inst.problem) : undefined,
    },
    stats,
  );
  parentPort!.postMessage({
    cost: best.unassigned.length > 0 ? Infinity : best.cost,
    unassigned: best.unassigned.length,
    iterations: stats.iterations,
    solution: toCheckerJson(inst, best),
  });
});
parentPort!.postMessage('ready');
