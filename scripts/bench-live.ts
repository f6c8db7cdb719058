/**
 * `npm run bench:live`: 200 console boards hold /console/live open while set-top boxes post
 * heartbeats; see scripts/lib/live-boards.ts. `bench:console` runs the same measurement.
 * Last line: `live p99 <Y> ms with 200 boards` (goal ≤ 1000 ms).
 */
import { measureLiveBoards } from './lib/live-boards';

const r = await measureLiveBoards({
  boards: Number(process.env.BOARDS ?? 200),
  events: Number(process.env.EVENTS ?? 50),
  heartbeatsPerS: Number(process.env.HEARTBEATS_PER_S ?? 200),
});
console.log(
  `received ${r.received}/${r.expected} (events × boards); heartbeats ingested ${r.heartbeats} (${r.heartbeatErrors} errors); p50 ${r.p50.toFixed(1)} ms`,
);
console.log(`live p99 ${r.p99.toFixed(1)} ms with ${r.boards} boards`);
process.exit(r.received === r.expected ? 0 : 1);
