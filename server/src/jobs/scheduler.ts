import schedule from 'node-schedule';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { jobRuns } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { TOKYO_TZ } from '../lib/tokyo';

/**
 * A job is data: a name, a cron rule read in Asia/Tokyo, and a function that works out from the
 * database what is due at `deps.clock.now()` and does it. Because the work is computed from the
 * database, running a job after downtime catches up on everything missed.
 */
export interface JobDef {
  name: string;
  /** node-schedule cron rule, e.g. '*\/5 * * * *'. */
  cron: string;
  run(deps: Deps): Promise<unknown> | unknown;
}

/**
 * Claims a slot (e.g. 'cutoff:2026-11-23') for a job. Returns false when it was already run, so a
 * slot's work happens once even across restarts or two processes.
 */
export function claimSlot(db: DbOrTx, job: string, slot: string, now: Date): boolean {
  const res = db.insert(jobRuns).values({ job, slot, startedAt: now }).onConflictDoNothing().run();
  return res.changes === 1;
}

export function finishSlot(
  db: DbOrTx,
  job: string,
  slot: string,
  now: Date,
  result?: Record<string, unknown>,
) {
  db.update(jobRuns)
    .set({ finishedAt: now, result: result ?? null })
    .where(sql`${jobRuns.job} = ${job} AND ${jobRuns.slot} = ${slot}`)
    .run();
}

export interface Scheduler {
  /** Runs one job now (tests call this after moving the clock). */
  runNow(name: string): Promise<unknown>;
  /** Schedules nothing more; settles once the runs under way have finished. */
  stop(): Promise<void>;
}

/** Runs a job, never two copies of the same job at once, logging instead of throwing. */
function runner(deps: Deps, job: JobDef) {
  let running: Promise<unknown> | null = null;
  const run = async () => {
    if (running) return running;
    const started = Date.now();
    running = (async () => {
      try {
        const result = await job.run(deps);
        deps.logger.debug({ job: job.name, ms: Date.now() - started }, 'job done');
        return result;
      } catch (err) {
        deps.logger.error({ job: job.name, err }, 'job failed');
        return undefined;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  /** Settles when the run under way (if any) has finished. */
  const idle = () => running ?? Promise.resolve();
  return Object.assign(run, { idle });
}

/** Schedules every job in Tokyo time and runs each once at start to catch up. */
export function startScheduler(deps: Deps, jobs: JobDef[], opts: { catchUp?: boolean } = {}): Scheduler {
  const runners = new Map(jobs.map((j) => [j.name, runner(deps, j)]));
  const scheduled = jobs.map((j) =>
    schedule.scheduleJob(j.name, { rule: j.cron, tz: TOKYO_TZ }, () => void runners.get(j.name)!()),
  );
  if (opts.catchUp !== false) for (const r of runners.values()) void r();
  return {
    async runNow(name) {
      const r = runners.get(name);
      if (!r) throw new Error(`Unknown job ${name}`);
      return r();
    },
    async stop() {
      for (const s of scheduled) s?.cancel();
      await Promise.all([...runners.values()].map((r) => r.idle()));
    },
  };
}
