import type { Db } from '../../db/src';
import type { Config } from './config';
import type { Clock } from './lib/clock';
import type { Logger } from './lib/logger';
import type { LiveHub } from './live/hub';

/** Everything a handler, job or business function may need; built once in main.ts or a test. */
export interface Deps {
  /** The asynchronous drizzle handle; hand-written hot paths reach the raw connection through `withSqlite(db, …)`. */
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Live updates for console boards; created in-process on first use when not given. */
  live?: LiveHub;
}
