import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CheckerRoute } from './darp-io.js';

export interface DarpRunOptions {
  timeLimitS: number;
  seed: number;
  iterations?: number;
  /** independent searches run in parallel (seed, seed+1, ...); the best one wins */
  workers: number;
}

export interface DarpRunResult {
  cost: number;
  iterations: number;
  seconds: number;
  solution: { routes: CheckerRoute[][] };
}

interface WorkerResult {
  cost: number;
  unassigned: number;
  iterations: number;
  solution: { routes: CheckerRoute[][] };
}

function runWorker(
  text: string,
  seed: number,
  opts: DarpRunOptions,
  timeLimitMs: number,
): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // Node 20 refuses a .ts worker entry even under tsx, so a tiny eval'd bootstrap registers
    // tsx inside the worker first and then imports the TypeScript entry.
    const entry = new URL('./darp-worker.ts', import.meta.url).href;
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    const w = new Worker(boot, {
      eval: true,
      workerData: { text, seed, deadline, iterations: opts.iterations },
    });
    w.once('message', (m: WorkerResult) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`darp worker exited with ${code}`));
    });
  });
}

/** Solves one instance text with `workers` parallel searches within the wall-clock limit. */
export async function solveDarpFile(text: string, opts: DarpRunOptions): Promise<DarpRunResult> {
  const t0 = performance.now();
  // The limit is wall-clock from here, worker start-up (loading tsx) included: workers get an
  // absolute deadline, minus a margin for writing and sending the result.
  const deadline = performance.timeOrigin + t0 + Math.max(100, opts.timeLimitS * 1000 - 250);
  const runs = await Promise.all(
    Array.from({ length: Math.max(1, opts.workers) }, (_, k) =>
      runWorker(text, opts.seed + k, opts, deadline),
    ),
  );
  runs.sort((a, b) => a.unassigned - b.unassigned || a.cost - b.cost);
  const best = runs[0]!;
  return {
    cost: best.cost,
    iterations: runs.reduce((a, r) => a + r.iterations, 0),
    seconds: (performance.now() - t0) / 1000,
    solution: best.solution,
  };
}
