import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { CheckerRoute } from './darp-io.js';
import type { DarpJob } from './darp-worker.js';
import { createBestBoard } from './share-best.js';

export interface DarpRunOptions {
  timeLimitS: number;
  seed: number;
  iterations?: number;
  /** run the searches without sharing their best solutions (for A/B comparisons) */
  independent?: boolean;
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

/**
 * Persistent search workers: searches (seed, seed+1, ...) that share their best solution through a
 * shared board every 0.5 s (the weaker restarts from the better); the best result wins.
 */
export interface DarpPool {
  solve(text: string, opts: DarpRunOptions): Promise<DarpRunResult>;
  close(): Promise<void>;
}

function startWorker(): Promise<Worker> {
  // Node 20 refuses a .ts worker entry even under tsx, so a tiny eval'd bootstrap registers
  // tsx inside the worker first and then imports the TypeScript entry.
  const entry = new URL('./darp-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const w = new Worker(boot, { eval: true });
  return new Promise((resolve, reject) => {
    w.once('message', () => resolve(w));
    w.once('error', reject);
  });
}

function runJob(w: Worker, job: DarpJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    w.once('error', onError);
    w.once('message', (m: WorkerResult) => {
      w.off('error', onError);
      resolve(m);
    });
    w.postMessage(job);
  });
}

/** Starts `workers` search threads (loaded once, reused for every instance). */
export async function createDarpPool(workers: number): Promise<DarpPool> {
  const pool = await Promise.all(Array.from({ length: Math.max(1, workers) }, () => startWorker()));
  return {
    async solve(text, opts) {
      const t0 = performance.now();
      // the limit is wall-clock from here; keep a margin for building and sending the result
      const deadline = performance.timeOrigin + t0 + Math.max(100, opts.timeLimitS * 1000 - 250);
      // with a fixed iteration budget the runs stay independent, so the result is reproducible
      const board =
        pool.length > 1 && opts.iterations === undefined && !opts.independent ? createBestBoard() : undefined;
      const runs = await Promise.all(
        pool.map((w, k) =>
          runJob(w, { text, seed: opts.seed + k, deadline, iterations: opts.iterations, board }),
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
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
