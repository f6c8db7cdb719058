import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDeliveries } from './plan-deliveries';
import type { PlanDrone, PlanParcel, PlanSettings, PlanSite } from './types';

const hour = 3600;
const settings: PlanSettings = { windowStartSec: 13 * hour, windowEndSec: 17 * hour, dwellSec: 300 };
// 6.6 km at 11 m/s is 600 s each way, like the 中尾 route (~10 min).
const sites: PlanSite[] = [
  { id: 1, routeLengthM: 6600 },
  { id: 2, routeLengthM: 8400 },
  { id: 3, routeLengthM: null },
];
const drone = (id: number, over: Partial<PlanDrone> = {}): PlanDrone => ({
  id,
  payloadG: 5000,
  cruiseSpeedMps: 11,
  turnaroundMin: 20,
  ...over,
});
const parcel = (id: number, siteId: number, weightG: number, over: Partial<PlanParcel> = {}): PlanParcel => ({
  id,
  siteId,
  weightG,
  ...over,
});

describe('planDeliveries', () => {
  it('packs a site into as few flights as fit under the payload (first-fit decreasing)', () => {
    const parcels = [3000, 2500, 2000, 1500, 1000].map((w, i) => parcel(i + 1, 1, w));
    const plan = planDeliveries(parcels, sites, [drone(1)], settings);
    expect(plan.car).toEqual([]);
    expect(plan.flights.map((f) => [...f.parcelIds].sort())).toEqual([
      [1, 3],
      [2, 4, 5],
    ]);
    expect(plan.flights.map((f) => f.loadG)).toEqual([5000, 5000]);
  });

  it('times a flight as route / cruise speed out and back plus the stop at the hall, then a battery swap', () => {
    const parcels = [parcel(1, 1, 4000), parcel(2, 1, 4000)];
    const [first, second] = planDeliveries(parcels, sites, [drone(1)], settings).flights;
    expect(first).toMatchObject({ seq: 1, departSec: 13 * hour, arriveSec: 13 * hour + 600 });
    expect(first!.returnSec).toBe(13 * hour + 600 + 300 + 600);
    expect(first!.readySec).toBe(first!.returnSec + 20 * 60);
    expect(second!.departSec).toBe(first!.readySec);
  });

  it('flies two drones in parallel', () => {
    const parcels = [parcel(1, 1, 4000), parcel(2, 2, 4000)];
    const plan = planDeliveries(parcels, sites, [drone(1), drone(2)], settings);
    expect(plan.flights.map((f) => [f.droneId, f.departSec])).toEqual([
      [1, 13 * hour],
      [2, 13 * hour],
    ]);
  });

  it('flies exactly 5 kg and sends 5 kg + 1 g by car as overweight', () => {
    const plan = planDeliveries([parcel(1, 1, 5000), parcel(2, 1, 5001)], sites, [drone(1)], settings);
    expect(plan.flights.flatMap((f) => f.parcelIds)).toEqual([1]);
    expect(plan.car).toEqual([{ parcelId: 2, siteId: 1, reason: 'overweight' }]);
  });

  it('uses each drone own payload limit', () => {
    const plan = planDeliveries(
      [parcel(1, 1, 7000)],
      sites,
      [drone(1), drone(2, { payloadG: 8000 })],
      settings,
    );
    expect(plan.flights).toHaveLength(1);
    expect(plan.flights[0]!.droneId).toBe(2);
  });

  it('gives a reason for every parcel that cannot fly', () => {
    const parcels = [
      parcel(1, 3, 1000),
      parcel(2, 1, 1000, { airEligible: false }),
      parcel(3, 99, 1000),
      parcel(4, 2, 1000),
    ];
    const shortLegs = [drone(1, { enduranceMin: 12 })]; // 8.4 km at 11 m/s = 764 s > 720 s
    const plan = planDeliveries(parcels, sites, shortLegs, settings);
    expect(plan.flights).toEqual([]);
    expect(plan.car.map((c) => [c.parcelId, c.reason])).toEqual([
      [1, 'no_route'],
      [2, 'not_air_cargo'],
      [3, 'no_route'],
      [4, 'out_of_range'],
    ]);
    expect(planDeliveries([parcel(1, 1, 100)], sites, [], settings).car[0]!.reason).toBe('no_drone');
  });

  it('sends what does not fit in the flight window by car, shortest flights first', () => {
    // One drone, a one-hour window: a 6.6 km round trip takes 25 min + 20 min swap.
    const short = { ...settings, windowEndSec: 14 * hour };
    const parcels = [parcel(1, 2, 4000), parcel(2, 1, 4000), parcel(3, 1, 4000), parcel(4, 1, 4000)];
    const plan = planDeliveries(parcels, sites, [drone(1)], short);
    expect(plan.flights.map((f) => f.siteId)).toEqual([1]);
    expect(plan.car.map((c) => c.reason)).toEqual(['no_flight_slot', 'no_flight_slot', 'no_flight_slot']);
    expect(plan.flights.every((f) => f.returnSec <= short.windowEndSec)).toBe(true);
  });

  const scenario = fc.record({
    parcels: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 10_000 }),
        siteId: fc.integer({ min: 1, max: 4 }),
        weightG: fc.integer({ min: 1, max: 7000 }),
        airEligible: fc.boolean(),
      }),
      { selector: (p) => p.id, maxLength: 120 },
    ),
    drones: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 9 }),
        payloadG: fc.integer({ min: 1000, max: 8000 }),
        cruiseSpeedMps: fc.integer({ min: 5, max: 20 }),
        turnaroundMin: fc.integer({ min: 0, max: 30 }),
      }),
      { selector: (d) => d.id, maxLength: 3 },
    ),
  });
  const propSites: PlanSite[] = [...sites, { id: 4, routeLengthM: 2000 }];

  it('places every parcel exactly once, under payload, inside the window, without overlapping a drone', () => {
    fc.assert(
      fc.property(scenario, ({ parcels, drones }) => {
        const plan = planDeliveries(parcels, propSites, drones, settings);
        const placed = [...plan.flights.flatMap((f) => f.parcelIds), ...plan.car.map((c) => c.parcelId)];
        expect(placed.sort((a, b) => a - b)).toEqual(parcels.map((p) => p.id).sort((a, b) => a - b));
        const weight = new Map(parcels.map((p) => [p.id, p.weightG]));
        for (const f of plan.flights) {
          const d = drones.find((x) => x.id === f.droneId)!;
          expect(f.parcelIds.reduce((s, id) => s + weight.get(id)!, 0)).toBe(f.loadG);
          expect(f.loadG).toBeLessThanOrEqual(d.payloadG);
          expect(f.departSec).toBeGreaterThanOrEqual(settings.windowStartSec);
          expect(f.returnSec).toBeLessThanOrEqual(settings.windowEndSec);
          expect(parcels.filter((p) => f.parcelIds.includes(p.id)).every((p) => p.siteId === f.siteId)).toBe(
            true,
          );
        }
        for (const d of drones) {
          const own = plan.flights.filter((f) => f.droneId === d.id);
          for (let i = 1; i < own.length; i++)
            expect(own[i]!.departSec).toBeGreaterThanOrEqual(own[i - 1]!.readySec);
        }
        expect(plan.flights.map((f) => f.seq)).toEqual(plan.flights.map((_, i) => i + 1));
      }),
    );
  });

  it('is deterministic: shuffled input gives the same plan', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ parcels, drones }, seed) => {
        const shuffled = [...parcels].sort(
          (a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101),
        );
        expect(planDeliveries(shuffled, propSites, [...drones].reverse(), settings)).toEqual(
          planDeliveries(parcels, propSites, drones, settings),
        );
      }),
    );
  });
});
