/**
 * Benchmark: how long a booking answer takes as the day fills up (the dispatcher is rebuilt from
 * the database for every booking). Run: `npx tsx server/src/taxi/bench-booking.ts [bookings] [reoptMs]`.
 * Prints per-booking latency percentiles by how many rides the day already held.
 */
import { residents } from '../../../db/src/schema';
import { createTestContext } from '../../../test/helpers/context';
import { bookTaxi } from './book-taxi';
import { defaultTaxiSettings, saveTaxiSettings } from './taxi-settings';

const total = Number(process.argv[2] ?? 60);
const reoptimizeMs = Number(process.argv[3] ?? defaultTaxiSettings.reoptimizeMs);
const ctx = await createTestContext({ now: '2026-11-24T00:00:00Z' }); // Tuesday 09:00 Tokyo
await saveTaxiSettings(
  ctx.db,
  { ...defaultTaxiSettings, reoptimizeMs, minNoticeMinutes: 0 },
  ctx.clock.now(),
);
const people = (await ctx.db.select().from(residents).all()).filter(
  (r) => r.birthDate < '1961-01-01' || r.disabled,
);

let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const times = [
  '09:30',
  '09:45',
  '10:00',
  '10:15',
  '10:30',
  '10:45',
  '11:00',
  '11:30',
  '13:00',
  '13:30',
  '14:00',
  '14:30',
];
const ms: number[][] = [];
let acceptedCount = 0;
for (let i = 0; i < total; i++) {
  const r = people[i % people.length]!;
  const outbound = rnd() < 0.6;
  const place = { kind: 'place' as const, placeId: 1 + Math.floor(rnd() * 24) };
  const input = {
    idempotencyKey: `bench-${i}-key`,
    riderIds: [r.id],
    companions: 0,
    from: outbound ? ({ kind: 'home' } as const) : place,
    to: outbound ? place : ({ kind: 'home' } as const),
    timeKind: outbound ? ('arrive_by' as const) : ('leave_after' as const),
    time: times[Math.floor(rnd() * times.length)]!,
  };
  const bucket = Math.floor(acceptedCount / 20);
  const t0 = performance.now();
  const a = await bookTaxi(
    ctx.db,
    input,
    { householdId: r.householdId, channel: 'tv', actor: { type: 'system', id: null } },
    ctx.clock.now(),
  );
  const dt = performance.now() - t0;
  if (a.status === 'accepted') acceptedCount++;
  (ms[bucket] ??= []).push(dt);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(
  `bookings requested ${total}, accepted ${acceptedCount}, re-optimisation budget ${reoptimizeMs} ms`,
);
ms.forEach((xs, b) => {
  if (!xs?.length) return;
  console.log(
    `rides already booked ${b * 20}–${b * 20 + 19}: n=${xs.length} p50=${pct(xs, 0.5).toFixed(1)} ms p95=${pct(xs, 0.95).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`,
  );
});
ctx.close();
