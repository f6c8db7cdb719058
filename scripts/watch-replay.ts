/**
 * `npm run watch:replay -- <file.jsonl> [--stats]`: replays residents' settings and life signs
 * through the detector the server runs and prints each alert step as a JSON line (format:
 * docs/watching.md). The file is read line by line, so its size is not bounded by memory (a whole
 * file read as one string stops at ~512 MB in Node). `--stats` prints lines, steps, seconds and
 * peak RSS to stderr.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseReplayLine, ReplayError, WatchReplay } from '../server/src/watch/replay/replay-watch-log';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { stats: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run watch:replay -- <file.jsonl> [--stats]');
  process.exit(2);
}

// Steps are few (alerts), but the pipe may be slow: collect a chunk and respect backpressure.
let buffered: string[] = [];
let steps = 0;
async function flush(): Promise<void> {
  if (buffered.length === 0) return;
  const chunk = buffered.join('');
  buffered = [];
  if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}

async function main(): Promise<void> {
  const started = performance.now();
  const replay = new WatchReplay((step) => {
    steps++;
    buffered.push(JSON.stringify(step) + '\n');
  });
  let lineNo = 0;
  const take = (raw: string) => {
    lineNo++;
    const line = parseReplayLine(raw, lineNo);
    if (line) replay.push(line, lineNo);
  };
  // Read in 1 MB chunks and split by hand: readline's per-line events and CR/LF regular
  // expression cost a fifth of a large replay. Only the unfinished last line of a chunk is
  // carried over, so memory stays bounded whatever the file's size.
  let carry = '';
  for await (const chunk of createReadStream(file!, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      from = nl + 1;
    }
    carry = text.slice(from);
    if (buffered.length >= 1000) await flush();
  }
  if (carry !== '') take(carry);
  replay.finish();
  await flush();
  if (values.stats) {
    const rss = process.resourceUsage().maxRSS / 1024;
    console.error(
      `watch-replay: ${lineNo} lines, ${steps} steps, ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `peak RSS ${rss.toFixed(0)} MB`,
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof ReplayError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`watch-replay: ${(e as Error).message}`);
    process.exit(1);
  }
  throw e;
});
