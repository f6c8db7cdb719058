import type { Deps } from '../deps';
import { createLocalHub, type LiveEvent, type LiveHub } from './hub';

/**
 * The hub of these deps, created on first use: a test context or the server without a hub
 * configured gets an in-process one (main.ts may set `deps.live` to a cross-process hub later).
 */
export function hubOf(deps: Deps): LiveHub {
  deps.live ??= createLocalHub(deps.logger);
  return deps.live;
}

/** Announce a change that has been committed. Never throws (see LiveHub.publish). */
export function publishLive(deps: Deps, e: LiveEvent): void {
  try {
    hubOf(deps).publish(e);
  } catch (err) {
    deps.logger.error({ err, type: e.type }, 'live publish failed');
  }
}
