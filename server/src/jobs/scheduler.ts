import schedule from 'node-schedule';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { jobRuns } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { TOKYO_TZ, tokyoDate, tokyoTime } from '../lib/tokyo';

/**
 * A job is data: a name, a cron rule read in Asia/Tokyo, and a function that works out from the
 * database what is due at `deps.clock.now()` and does it. Because the work is computed from the
 * database, running a job after downtime catches up on everything missed.
 *
 * A job whose work is "as of" a time of day (the 19:00 お元気メール says the day went well) sets
 * `dailyAt` (use `dailyJob()`): it runs only once that time has passed on the Tokyo day, once per
 * day (the day is claimed in `job_runs`), and a day whose slot passed while the server was down is
 * caught up only until that day ends, never the next morning.
 */
export interface JobDef {
  name: string;
  /** node-schedule cron rule, e.g. '*\/5 * * * *'. */
  cron: string;
  /** 'HH:MM' Tokyo: the work is due from this time until the end of the day, once a day. */
  dailyAt?: string;
  run(deps: Deps): Promise<unknown> | unknown;
}

/** A job due once a Tokyo day from `at` ('HH:MM'), run at `at` and caught up later that day. */
export function dailyJob(name: string, at: string, run: JobDef['run']): JobDef {
  const [hh, mm] = at.split(':').map(Number) as [number, number];
  return { name, cron: `${mm} ${hh} * * *`, dailyAt: at, run };
}

/** The Tokyo day whose slot of a `dailyAt` job is due at `now`, or null when none is. */
export async function dueDailySlot(
  db: DbOrTx,
  job: string,
  dailyAt: string,
  now: Date,
): Promise<string | null> {
  if (tokyoTime(now) < dailyAt) return null;
  const slot = tokyoDate(now);
  const done = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(sql`${jobRuns.job} = ${job} AND ${jobRuns.slot} = ${slot}`)
    .get();
  return done ? null : slot;
}

/**
 * Claims a slot (e.g. 'cutoff:2026-11-23') for a job. Returns false when it was already run, so a
 * slot's work happens once even across restarts or two processes.
 */
export async function claimSlot(db: DbOrTx, job: string, slot: string, now: Date): Promise<boolean> {
  const res = await db.insert(jobRuns).values({ job, slot, startedAt: now }).onConflictDoNothing().run();
  return res.changes === 1;
}

export async function finishSlot(
  db: DbOrTx,
  job: string,
  slot: string,
  now: Date,
  result?: Record<string, unknown>,
) {
  await db
    .update(jobRuns)
    .set({ finishedAt: now, result: result ?? null })
    .where(sql`${jobRuns.job} = ${job} AND ${jobRuns.slot} = ${slot}`)
    .run();
}

export interface Scheduler {
  /** Settles when the catch-up run at start has finished (at once without catch-up). */
  caughtUp: Promise<void>;
  /** Runs one job now (tests call this after moving the clock). */
  runNow(name: string): Promise<unknown>;
  /** Schedules nothing more; settles once the runs under way have finished. */
  stop(): Promise<void>;
}

/**
 * The day is claimed after its work: the work is idempotent (dedupe keys), so a crash in between
 * only repeats it, while claiming first would lose the day.
 */
async function runDaily(deps: Deps, job: JobDef, dailyAt: string) {
  const slot = await dueDailySlot(deps.db, job.name, dailyAt, deps.clock.now());
  if (!slot) return { due: false };
  const result = await job.run(deps);
  const now = deps.clock.now();
  await claimSlot(deps.db, job.name, slot, now);
  await finishSlot(deps.db, job.name, slot, now, { result: result ?? null });
  return result;
}

/** Runs a job, never two copies of the same job at once, logging instead of throwing. */
function runner(deps: Deps, job: JobDef) {
  let running: Promise<unknown> | null = null;
  const run = async () => {
    if (running) return running;
    const started = Date.now();
    running = (async () => {
      try {
        const result = job.dailyAt ? await runDaily(deps, job, job.dailyAt) : await job.run(deps);
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

/**
 * Schedules every job in Tokyo time and runs each once at start to catch up on what is due (a
 * `dailyAt` job only if its slot has passed today and is unclaimed).
 */
export function startScheduler(deps: Deps, jobs: JobDef[], opts: { catchUp?: boolean } = {}): Scheduler {
  const runners = new Map(jobs.map((j) => [j.name, runner(deps, j)]));
  const scheduled = jobs.map((j) =>
    schedule.scheduleJob(j.name, { rule: j.cron, tz: TOKYO_TZ }, () => void runners.get(j.name)!()),
  );
  const caughtUp =
    opts.catchUp === false
      ? Promise.resolve()
      : Promise.all([...runners.values()].map((r) => r())).then(() => undefined);
  return {
    caughtUp,
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
