import type { Server } from 'node:http';
import type { Sqlite } from '../../db/src';
import type { Scheduler } from './jobs/scheduler';
import type { Logger } from './lib/logger';

export interface ShutdownParts {
  server: Server;
  scheduler: Scheduler | null;
  sqlite: Sqlite;
  logger: Logger;
  graceMs: number;
}

/**
 * Bounded shutdown: stop accepting and close idle keep-alive connections at once; give in-flight
 * requests and a running job `graceMs` to finish; then close every socket still open (a client
 * that never finishes its request cannot hold the process), close SQLite, and resolve.
 * A transaction is never cut: better-sqlite3 runs one synchronously, so none is open whenever this
 * code runs, and a job between two transactions simply stops at the exit.
 */
export async function shutDown(parts: ShutdownParts, signal: string): Promise<void> {
  const { server, scheduler, sqlite, logger, graceMs } = parts;
  logger.info({ signal, graceMs }, 'shutting down');
  const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const jobsDone = scheduler?.stop() ?? Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)),
  );
  const outcome = await Promise.race([
    Promise.all([requestsDone, jobsDone]).then(() => 'done' as const),
    graceOver,
  ]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn({ graceMs }, 'grace period over: closing the connections and jobs still open');
    server.closeAllConnections();
  }
  sqlite.close();
  logger.info('shut down');
}
