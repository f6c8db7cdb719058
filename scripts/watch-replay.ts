/**
 * `npm run watch:replay -- <file.jsonl>`: replays residents' settings and life signs through the
 * detector the server runs and prints each alert step as a JSON line (format: docs/watching.md).
 */
import { readFileSync } from 'node:fs';
import { parseReplayLog, ReplayError, replayWatchLog } from '../server/src/watch/replay/replay-watch-log';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run watch:replay -- <file.jsonl>');
  process.exit(2);
}
try {
  for (const step of replayWatchLog(parseReplayLog(readFileSync(file, 'utf8')))) {
    process.stdout.write(JSON.stringify(step) + '\n');
  }
} catch (e) {
  if (e instanceof ReplayError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`watch-replay: ${(e as Error).message}`);
    process.exit(1);
  }
  throw e;
}
