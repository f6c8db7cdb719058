import { strToU8, zipSync, type Zippable } from 'fflate';
import type { FeedFiles } from './build-feed';

/**
 * The dataset as one zip with every file at its root ("All dataset files must be zipped together.
 * The files must reside at the root level directly", GTFS reference, File Requirements). fflate:
 * no dependencies, synchronous, and it both writes and reads zips (the tests unzip with it too).
 * Every entry carries the same `modifiedAt`, so one feed always gives the same bytes.
 */
export function zipFeed(files: FeedFiles, modifiedAt: Date): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort())
    entries[name] = [strToU8(files[name]!), { mtime: modifiedAt }];
  // fflate allocates a plain ArrayBuffer; its typings only say ArrayBufferLike.
  return zipSync(entries, { level: 9 }) as Uint8Array<ArrayBuffer>;
}
