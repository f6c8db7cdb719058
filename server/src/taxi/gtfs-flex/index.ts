import type { DbOrTx } from '../../../../db/src';
import type { Config } from '../../config';
import { fromTokyo } from '../../lib/tokyo';
import { buildFeedFiles } from './build-feed';
import { loadFeedInput } from './load-feed-input';
import { zipFeed } from './zip-feed';

/** The GTFS-Flex zip of the service as it is configured now (route and CLI share this). */
export async function exportGtfsFlex(
  db: DbOrTx,
  now: Date,
  config: Pick<Config, 'TAXI_BOOKING_PHONE' | 'TAXI_INFO_URL'>,
): Promise<Uint8Array<ArrayBuffer>> {
  const input = await loadFeedInput(db, now, config);
  // Stamped with the feed's first day, not the instant: the same service gives the same bytes all
  // day, so the route's ETag lets a planner that polls skip an unchanged feed.
  return zipFeed(buildFeedFiles(input), fromTokyo(input.startDate));
}
