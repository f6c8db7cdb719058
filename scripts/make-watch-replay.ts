/**
 * `npx tsx scripts/make-watch-replay.ts [--residents 1000] [--days 60] [--seed S] --out FILE`:
 * writes a simulated population (server/src/watch/sim) as a `watch:replay` log — heartbeats every
 * 5 minutes while a TV is on, key presses at most once a minute (as the box sends them), orders,
 * rides, handovers, confirmed reminders and away periods — in time order. Used to measure the
 * replay of a large file (docs/watching.md); the file for 1,000 residents × 60 days is ~0.6 GB.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateResident } from '../server/src/watch/sim/generate-population';
import { DEFAULT_SIM } from '../server/src/watch/sim/run-simulation';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000' },
    days: { type: 'string', default: '60' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: make-watch-replay --out FILE [--residents N] [--days D] [--seed S]');
  process.exit(2);
}
const residents = Number(values.residents);
const days = Number(values.days);
const opts = {
  ...DEFAULT_SIM,
  seed: Number(values.seed),
  residents,
  days,
  collapseFromDay: Math.min(28, days - 2),
  collapseToDay: days - 2,
  collapseShare: 0.1,
};
const DAY = 86_400_000;
const HEARTBEAT = 5 * 60_000;
const iso = (t: number) =>
  new Date(Math.floor(t / 1000) * 1000 + 9 * 3_600_000).toISOString().slice(0, 19) + '+09:00';
const population = Array.from({ length: residents }, (_, id) => generateResident(id, opts));
const out = createWriteStream(values.out);

async function write(s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
}

async function main(): Promise<void> {
  for (const r of population) {
    const settings = {
      thresholdMinutes: r.settings.thresholdMinutes,
      quietStartMinute: r.settings.quietStartMinute,
      quietEndMinute: r.settings.quietEndMinute,
      contactCount: r.settings.contactCount,
    };
    await write(
      JSON.stringify({ type: 'resident', resident: `r${r.id}`, at: iso(opts.start), settings }) + '\n',
    );
  }
  const cursor = population.map(() => ({ tv: 0, ev: 0, away: 0 }));
  for (let d = 0; d < days; d++) {
    const dayStart = opts.start + d * DAY;
    const dayEnd = dayStart + DAY;
    const lines: [number, string][] = [];
    population.forEach((r, i) => {
      const c = cursor[i]!;
      const name = `r${r.id}`;
      // Heartbeats on each TV interval's own 5-minute grid, cut to this day so lines stay in order.
      while (c.tv < r.tv.length && r.tv[c.tv]![1] <= dayStart) c.tv++;
      for (let k = c.tv; k < r.tv.length && r.tv[k]![0] < dayEnd; k++) {
        const [a, b] = r.tv[k]!;
        const first = a >= dayStart ? a : a + Math.ceil((dayStart - a) / HEARTBEAT) * HEARTBEAT;
        for (let t = first; t < Math.min(b, dayEnd); t += HEARTBEAT)
          lines.push([t, `{"type":"event","resident":"${name}","at":"${iso(t)}","kind":"heartbeat"}`]);
      }
      let lastKeyMinute = -1;
      for (; c.ev < r.events.length && r.events[c.ev]!.at < dayEnd; c.ev++) {
        const e = r.events[c.ev]!;
        if (e.kind === 'keys') {
          const minute = Math.floor(e.at / 60_000);
          if (minute === lastKeyMinute) continue;
          lastKeyMinute = minute;
        }
        lines.push([e.at, `{"type":"event","resident":"${name}","at":"${iso(e.at)}","kind":"${e.kind}"}`]);
      }
      for (; c.away < r.awaySets.length && r.awaySets[c.away]!.setAt < dayEnd; c.away++) {
        const a = r.awaySets[c.away]!;
        if (a.setAt < opts.start) continue;
        lines.push([
          a.setAt,
          JSON.stringify({
            type: 'away',
            resident: name,
            at: iso(a.setAt),
            from: iso(a.from),
            until: iso(a.until + 1000),
          }),
        ]);
      }
    });
    // Residents are interleaved: sort the day's lines by the second they carry.
    lines.sort((x, y) => Math.floor(x[0] / 1000) - Math.floor(y[0] / 1000));
    for (const [, s] of lines) await write(s + '\n');
  }
  out.end();
}

void main();
