import { hostname } from 'node:os';
import type { Sqlite } from '../../../db/src';
import { conflict } from '../lib/errors';

/**
 * A close runs as many short transactions, so two closers (the job and an operator's command, in
 * two processes) must not interleave. The lease is a `job_runs` row that names its holder; a
 * holder whose process is gone on this host (or, on another host, one older than LEASE_STALE_MS)
 * no longer holds it, so a close interrupted by kill -9 is simply started again.
 */
export const LEASE_JOB = 'billing.close.lease';
const LEASE_STALE_MS = 10 * 60_000;
const HOLDER = `${hostname()}:${process.pid}`;

// Months this process is closing right now, per database: a lease of our own pid without one is
// left over from a close that died without releasing it.
const closing = new WeakMap<Sqlite, Set<string>>();
const closingIn = (sqlite: Sqlite) => {
  let months = closing.get(sqlite);
  if (!months) closing.set(sqlite, (months = new Set()));
  return months;
};

function holderAlive(sqlite: Sqlite, holder: string, month: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname()) return true;
  if (Number(pid) === process.pid) return closingIn(sqlite).has(month);
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireCloseLease(sqlite: Sqlite, month: string, now: Date): void {
  sqlite.transaction(() => {
    const row = sqlite
      .prepare<[string, string], { startedAt: number; holder: string }>(
        `SELECT started_at AS startedAt, json_extract(result, '$.holder') AS holder FROM job_runs WHERE job = ? AND slot = ?`,
      )
      .get(LEASE_JOB, month);
    if (row && holderAlive(sqlite, row.holder, month) && now.getTime() - row.startedAt < LEASE_STALE_MS) {
      throw conflict('close_in_progress', `${month} の締め処理が実行中です。終わるまでお待ちください`);
    }
    sqlite
      .prepare(
        `INSERT INTO job_runs (job, slot, started_at, result) VALUES (?, ?, ?, json_object('holder', ?))
         ON CONFLICT (job, slot) DO UPDATE SET started_at = excluded.started_at, result = excluded.result`,
      )
      .run(LEASE_JOB, month, now.getTime(), HOLDER);
  })();
  closingIn(sqlite).add(month);
}

export function releaseCloseLease(sqlite: Sqlite, month: string): void {
  sqlite.prepare('DELETE FROM job_runs WHERE job = ? AND slot = ?').run(LEASE_JOB, month);
  closingIn(sqlite).delete(month);
}
