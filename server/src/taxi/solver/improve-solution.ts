import { removeRandom, removeShaw, removeWorst, type Destroy } from './destroy.js';
import { partitionRoutes } from './partition-routes.js';
import { relocateDescent } from './relocate-descent.js';
import { repairRegret } from './repair-regret.js';
import { pickRouteSubset } from './route-subset.js';
import { tailExchangeDescent } from './tail-exchange.js';
import { createRng, randInt } from './rng.js';
import type { RoutePool } from './route-pool.js';
import { cloneSolution, movableRequests, objective, removeRequests, type Solution } from './solution.js';
import { solutionFromRoutes } from './solution-from-routes.js';
import type { Problem } from './types.js';

export interface SearchOptions {
  seed: number;
  /** injected monotonic clock in ms (the solver never reads the system clock itself) */
  now: () => number;
  /** stop after this many ms (needs `now`) */
  timeLimitMs?: number;
  /** stop after this many iterations; with a fixed seed the run is then fully reproducible */
  maxIterations?: number;
  /** largest share of movable requests removed per iteration (default 0.4) */
  maxRemoveShare?: number;
  /** cap on requests removed per iteration (default 60) */
  maxRemove?: number;
  /** a w% worse solution is accepted with probability 1/2 at the start (default 0.05) */
  startWorse?: number;
  /** final temperature as a share of the start temperature (default 0.002) */
  coolTo?: number;
  /**
   * Run the local search (relocate, tail exchange) on complete candidates within this share of the
   * best cost (default: every complete candidate; -1: never)
   */
  polishWithin?: number;
  /** called with every new best solution */
  onBest?: (s: Solution, iteration: number) => void;
  /**
   * Called every `exchangeEveryMs` with the best solution so far (parallel searches use it to share
   * their best); a returned better solution becomes both the current and the best solution.
   */
  exchange?: (best: Solution) => Solution | undefined;
  /** period of `exchange` in ms of the injected clock (default 500) */
  exchangeEveryMs?: number;
  /**
   * Keeps every distinct route met here and periodically recombines them by set partitioning
   * (`partitionRoutes`). Only for alike vehicles and no locked stops (see `vehiclesAlike`).
   */
  routePool?: RoutePool;
  /** period of the set partitioning in ms (time-limited runs; default 0 = never) */
  partitionEveryMs?: number;
  /** period of the set partitioning in iterations (iteration-limited runs; default 0 = never) */
  partitionEveryIterations?: number;
  /** branch-and-bound nodes per set partitioning (keeps iteration-limited runs reproducible) */
  partitionNodes?: number;
  /** travel times obey the triangle inequality (`obeysTriangle`): lets the repair skip hopeless tries */
  metric?: boolean;
  /**
   * Time-limited runs with a route pool: stop the ALNS this many ms before the limit and spend
   * them on one last set partitioning over the whole pool (default 0)
   */
  partitionFinalMs?: number;
  /**
   * Share of the iterations that destroy and repair within a few neighbouring routes only
   * (`pickRouteSubset`): route-based decomposition for big days. Used only when there are more
   * than `decomposeRoutes` + 1 vehicles (default 0 = never).
   */
  decomposeShare?: number;
  /**
   * Granular relocate descent: try a request only in its own route and the routes of its this many
   * most related requests (default 0 = every route)
   */
  granularRelocate?: number;
  /** routes per decomposed iteration (default 4) */
  decomposeRoutes?: number;
  /** called after each set partitioning (figures for benchmarks) */
  onPartition?: (info: { poolSize: number; improved: boolean; cost: number }) => void;
}

export interface SearchStats {
  iterations: number;
  improvements: number;
  /** repairs that left a request out (the candidate is then all but rejected) */
  incomplete?: number;
}

const DESTROYS: Destroy[] = [removeRandom, removeWorst, removeShaw];
const REGRETS = [1, 2, 3, 4];

function better(a: Solution, b: Solution): boolean {
  if (a.unassigned.length !== b.unassigned.length) return a.unassigned.length < b.unassigned.length;
  return a.cost < b.cost - 1e-9;
}

function roulette(weights: number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

/**
 * Adaptive large-neighbourhood search (Ropke & Pisinger 2006) with simulated-annealing acceptance:
 * remove requests (random / worst / Shaw), reinsert them (greedy or regret-k, with or without
 * noise), adapt operator weights by success. Locked route prefixes are never touched and every
 * accepted solution is feasible, so any window already promised stays kept.
 */
export function improveSolution(
  p: Problem,
  start: Solution,
  opts: SearchOptions,
  stats?: SearchStats,
): Solution {
  const rng = createRng(opts.seed);
  const t0 = opts.now();
  const limit = opts.timeLimitMs ?? Infinity;
  const maxIt = opts.maxIterations ?? Infinity;
  let maxArc = 0;
  for (let i = 0; i < p.cost.length; i++) if (p.cost[i]! > maxArc) maxArc = p.cost[i]!;
  const penalty = 10 * maxArc + 1;
  const noiseAmp = 0.025 * maxArc;

  let current = cloneSolution(start);
  if (current.unassigned.length > 0) repairRegret(p, current, 2, rng, 0, opts.metric);
  let best = cloneSolution(current);
  const temp0 = ((opts.startWorse ?? 0.05) * Math.max(current.cost, 1e-9)) / Math.LN2;
  const coolTo = opts.coolTo ?? 0.002;

  const nOps = DESTROYS.length;
  const nRep = REGRETS.length * 2;
  const dW = new Array<number>(nOps).fill(1);
  const rW = new Array<number>(nRep).fill(1);
  const dScore = new Array<number>(nOps).fill(0);
  const rScore = new Array<number>(nRep).fill(0);
  const dUse = new Array<number>(nOps).fill(0);
  const rUse = new Array<number>(nRep).fill(0);
  const segment = 100;
  const reaction = 0.1;

  const subRoutes = opts.decomposeRoutes ?? 4;
  const decomposeShare = p.vehicles.length > subRoutes + 1 ? (opts.decomposeShare ?? 0) : 0;
  const mask = new Uint8Array(p.vehicles.length);

  let it = 0;
  let improvements = 0;
  let incomplete = 0;
  const exchangeEvery = opts.exchangeEveryMs ?? 500;
  let nextExchange = exchangeEvery;
  const pool = opts.routePool;
  const addRoutes = (s: Solution, than?: Solution): void => {
    if (!pool || s.unassigned.length > 0) return;
    s.routes.forEach((route, v) => {
      // routes are never edited in place, so an unchanged array is an unchanged route
      if (route !== than?.routes[v]) pool.add(route, s.routeCost[v]!);
    });
  };
  addRoutes(current);
  const finalMs = pool && Number.isFinite(limit) ? (opts.partitionFinalMs ?? 0) : 0;
  // the period counts iterations when an iteration budget makes the run reproducible, else ms
  const partitionEvery = Number.isFinite(maxIt)
    ? (opts.partitionEveryIterations ?? 0)
    : (opts.partitionEveryMs ?? 0);
  let nextPartition = pool && partitionEvery > 0 ? partitionEvery : Infinity;
  const partition = (final = false): void => {
    if (!pool || best.unassigned.length > 0) return;
    const served: number[] = [];
    for (let r = 0; r < p.requests.length; r++) if (best.routeOf[r]! >= 0) served.push(r);
    let budget = final ? Infinity : (opts.partitionNodes ?? 200_000);
    const got = partitionRoutes(pool.routes, served, p.vehicles.length, best.cost, {
      shouldStop: () => (budget -= 1024) <= 0 || opts.now() - t0 >= limit,
    });
    opts.onPartition?.({
      poolSize: pool.routes.length,
      improved: got !== undefined,
      cost: got?.cost ?? best.cost,
    });
    if (!got) return;
    const s = solutionFromRoutes(
      p,
      got.routes.map((r) => r.stops),
    );
    if (!s || !better(s, best)) return;
    best = s;
    current = cloneSolution(s);
    improvements++;
    opts.onBest?.(best, it);
  };
  for (;;) {
    if (it >= maxIt) break;
    const elapsed = opts.now() - t0;
    if (elapsed >= limit - finalMs) break;
    if (opts.exchange && elapsed >= nextExchange) {
      nextExchange = elapsed + exchangeEvery;
      const got = opts.exchange(best);
      // restart the weaker search from the better one: wall time, not iterations, is the budget
      if (got && better(got, best)) {
        best = cloneSolution(got);
        current = cloneSolution(got);
      }
    }
    if (pool && (Number.isFinite(maxIt) ? it : elapsed) >= nextPartition) {
      nextPartition += partitionEvery;
      partition();
    }
    const progress = Number.isFinite(maxIt) ? it / maxIt : elapsed / limit;
    const temp = Number.isFinite(progress) ? temp0 * Math.pow(coolTo, progress) : temp0;
    it++;

    const all = movableRequests(p, current);
    if (all.length === 0) break;
    const sub = decomposeShare > 0 && rng() < decomposeShare;
    const movable = sub ? pickRouteSubset(p, current, all, subRoutes, rng, mask) : all;
    if (movable.length === 0) continue;
    const maxQ = Math.max(
      1,
      Math.min(opts.maxRemove ?? 60, Math.ceil((opts.maxRemoveShare ?? 0.4) * movable.length)),
    );
    const q = randInt(rng, Math.min(4, maxQ), maxQ);
    const di = roulette(dW, rng());
    const ri = roulette(rW, rng());
    const cand = cloneSolution(current);
    if (!removeRequests(p, cand, DESTROYS[di]!(p, cand, movable, q, rng))) continue;
    repairRegret(
      p,
      cand,
      REGRETS[ri % REGRETS.length]!,
      rng,
      ri >= REGRETS.length ? noiseAmp : 0,
      opts.metric,
      sub ? mask : undefined,
    );
    dUse[di]!++;
    rUse[ri]!++;
    if (cand.unassigned.length > 0) incomplete++;
    addRoutes(cand, current);
    // local search on the repaired candidate: relocations, then tail exchanges (which move whole
    // runs of requests), then relocations again around what the exchanges changed
    if (cand.unassigned.length === 0 && cand.cost < best.cost * (1 + (opts.polishWithin ?? Infinity))) {
      const stop = (): boolean => opts.now() - t0 >= limit;
      const g = opts.granularRelocate ?? 0;
      relocateDescent(p, cand, rng, stop, 3, opts.metric, g);
      if (tailExchangeDescent(p, cand, stop) > 0) relocateDescent(p, cand, rng, stop, 3, opts.metric, g);
    }

    const fc = objective(cand, penalty);
    const fcur = objective(current, penalty);
    let score = 0;
    if (better(cand, best)) {
      best = cloneSolution(cand);
      current = cand;
      score = 33;
      improvements++;
      opts.onBest?.(best, it);
    } else if (fc < fcur - 1e-9) {
      current = cand;
      score = 9;
    } else if (fc > fcur + 1e-9 && rng() < Math.exp((fcur - fc) / Math.max(temp, 1e-12))) {
      current = cand;
      score = 13;
    }
    dScore[di]! += score;
    rScore[ri]! += score;
    if (it % segment === 0) {
      for (let i = 0; i < nOps; i++) {
        if (dUse[i]! > 0) dW[i] = dW[i]! * (1 - reaction) + (reaction * dScore[i]!) / dUse[i]!;
        dW[i] = Math.max(dW[i]!, 0.05);
        dScore[i] = dUse[i] = 0;
      }
      for (let i = 0; i < nRep; i++) {
        if (rUse[i]! > 0) rW[i] = rW[i]! * (1 - reaction) + (reaction * rScore[i]!) / rUse[i]!;
        rW[i] = Math.max(rW[i]!, 0.05);
        rScore[i] = rUse[i] = 0;
      }
    }
  }
  if (finalMs > 0) partition(true);
  if (stats) {
    stats.iterations = it;
    stats.improvements = improvements;
    stats.incomplete = incomplete;
  }
  return best;
}
