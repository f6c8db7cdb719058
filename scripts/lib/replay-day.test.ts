import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTaxiDay } from './make-taxi-day.js';
import { replayDay } from './replay-day.js';
import { parseTaxiDay } from './taxi-day.js';

describe('taxi day replay', () => {
  it('answers every booking, keeps every promise and reports consistent totals', async () => {
    const day = parseTaxiDay(makeTaxiDay(3, 40, 7));
    const r = await replayDay(day, { seed: 1, reoptIterations: 20 });
    expect(r.answers).toHaveLength(40);
    const accepted = r.answers.filter((a) => a.status === 'accepted').length;
    expect(accepted).toBe(r.totals.accepted);
    expect(accepted).toBeGreaterThan(0);
    expect(r.totals.promisesBroken).toBe(0);
    // every accepted ride appears once as pickup and once as drop-off, pickup first
    const stops = r.routes.flatMap((route) => route.stops);
    for (const a of r.answers.filter((x) => x.status === 'accepted')) {
      const mine = stops.filter((s) => s.bookingId === a.bookingId);
      expect(mine.map((s) => s.kind)).toEqual(['pickup', 'dropoff']);
    }
    expect(r.totals.vehicleKm).toBeCloseTo(
      r.routes.reduce((s, x) => s + x.km, 0),
      1,
    );
    expect(r.totals.maxDetourMinutes).toBeGreaterThanOrEqual(r.totals.meanDetourMinutes);
    expect(r.totals.meanDetourMinutes).toBeGreaterThanOrEqual(0);
    expect(r.totals.meanDetourRatio).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic for a fixed seed and iteration budget', async () => {
    const day = parseTaxiDay(makeTaxiDay(2, 25, 11));
    const a = await replayDay(day, { seed: 5, reoptIterations: 10 });
    const b = await replayDay(day, { seed: 5, reoptIterations: 10 });
    expect(a.answers).toEqual(b.answers);
    expect(a.totals).toEqual(b.totals);
  });

  it('reads the shipped example day and rejects malformed files', () => {
    const example = parseTaxiDay(JSON.parse(readFileSync('scripts/examples/taxi-day.json', 'utf8')));
    expect(example.settings.vehicles).toHaveLength(12);
    expect(example.bookings).toHaveLength(300);
    expect(() => parseTaxiDay({ settings: {}, vehicles: [], bookings: [] })).toThrow();
    const bad = JSON.parse(readFileSync('scripts/examples/taxi-day.json', 'utf8'));
    bad.bookings[0].leaveAfter = '10:00';
    bad.bookings[0].arriveBy = '10:00';
    expect(() => parseTaxiDay(bad)).toThrow(/exactly one/);
  });
});
