import type { DbOrTx } from '../../../../db/src';
import type { Config } from '../../config';
import { buildFeedFiles } from './build-feed';
import { loadFeedInput } from './load-feed-input';
import { zipFeed } from './zip-feed';

/** The GTFS-Flex zip of the service as it is configured now (route and CLI share this). */
export function exportGtfsFlex(
  db: DbOrTx,
  now: Date,
  config: Pick<Config, 'TAXI_BOOKING_PHONE' | 'TAXI_INFO_URL'>,
): Uint8Array<ArrayBuffer> {
  return zipFeed(buildFeedFiles(loadFeedInput(db, now, config)), now);
}
