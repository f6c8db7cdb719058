import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planDeliveries } from './plan-deliveries';
import { replanParcels, type DayFlight } from './replan-parcels';
import type { PlanDrone, PlanParcel, PlanSettings, PlanSite } from './types';

const hour = 3600;
const settings: PlanSettings = { windowStartSec: 13 * hour, windowEndSec: 17 * hour, dwellSec: 300 };
const sites: PlanSite[] = [
  { id: 1, routeLengthM: 6600 },
  { id: 2, routeLengthM: 8400 },
];
const drones: PlanDrone[] = [
  { id: 1, payloadG: 5000, cruiseSpeedMps: 11, turnaroundMin: 20 },
  { id: 2, payloadG: 5000, cruiseSpeedMps: 11, turnaroundMin: 20 },
];
const parcel = (id: number, siteId: number, weightG: number): PlanParcel => ({ id, siteId, weightG });
const flight = (over: Partial<DayFlight> & { id: number }): DayFlight => ({
  droneId: 1,
  siteId: 1,
  status: 'planned',
  loadG: 0,
  departSec: 14 * hour,
  returnSec: 14 * hour + 1500,
  ...over,
});

describe('replanParcels', () => {
  it('puts parcels on a later flight to the same hall that still has room', () => {
    const result = replanParcels({
      aborted: { id: 1, droneId: 1, siteId: 1 },
      parcels: [parcel(10, 1, 1500), parcel(11, 1, 1000)],
      flights: [flight({ id: 2, droneId: 2, loadG: 2000 })],
      sites,
      drones,
      settings,
      nowSec: 13 * hour + 300,
    });
    expect(result).toEqual({ moved: [{ flightId: 2, parcelIds: [10, 11] }], newFlights: [], car: [] });
  });

  it('adds a new flight after the drones current work when no later flight has room', () => {
    const result = replanParcels({
      aborted: { id: 1, droneId: 1, siteId: 1 },
      parcels: [parcel(10, 1, 4000)],
      flights: [
        flight({ id: 2, droneId: 2, loadG: 4500 }),
        flight({
          id: 3,
          droneId: 2,
          siteId: 2,
          status: 'launched',
          departSec: 13 * hour,
          returnSec: 13 * hour + 1830,
        }),
      ],
      sites,
      drones,
      settings,
      nowSec: 13 * hour + 300,
      groundedDroneIds: [1],
    });
    expect(result.moved).toEqual([]);
    expect(result.car).toEqual([]);
    // drone 2 is busy until flight 2 returns, then swaps its battery
    expect(result.newFlights).toEqual([
      expect.objectContaining({ droneId: 2, siteId: 1, parcelIds: [10], departSec: 14 * hour + 1500 + 1200 }),
    ]);
  });

  it('lets the aborted drone fly again after a battery swap unless grounded', () => {
    const result = replanParcels({
      aborted: { id: 1, droneId: 1, siteId: 1 },
      parcels: [parcel(10, 1, 4000)],
      flights: [],
      sites,
      drones: [drones[0]!],
      settings,
      nowSec: 13 * hour + 300,
    });
    expect(result.newFlights[0]).toMatchObject({ droneId: 1, departSec: 13 * hour + 300 + 1200 });
  });

  it('sends parcels by car with reason "aborted" when nothing can fly them today', () => {
    const result = replanParcels({
      aborted: { id: 1, droneId: 1, siteId: 1 },
      parcels: [parcel(10, 1, 4000), parcel(11, 1, 3000)],
      flights: [],
      sites,
      drones,
      settings,
      nowSec: 16 * hour + 45 * 60,
    });
    expect(result.newFlights).toEqual([]);
    expect(result.car).toEqual([
      { parcelId: 10, siteId: 1, reason: 'aborted' },
      { parcelId: 11, siteId: 1, reason: 'aborted' },
    ]);
  });

  it('never moves parcels onto a flight that has already left', () => {
    const result = replanParcels({
      aborted: { id: 1, droneId: 1, siteId: 1 },
      parcels: [parcel(10, 1, 500)],
      flights: [flight({ id: 2, droneId: 2, status: 'launched', departSec: 13 * hour, loadG: 1000 })],
      sites,
      drones,
      settings,
      nowSec: 13 * hour + 300,
      groundedDroneIds: [1],
    });
    expect(result.moved).toEqual([]);
    expect(result.newFlights).toHaveLength(1);
  });

  it('never loses a parcel and never overloads a flight', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.integer({ min: 1, max: 500 }),
            siteId: fc.integer({ min: 1, max: 2 }),
            weightG: fc.integer({ min: 100, max: 5000 }),
          }),
          { selector: (p) => p.id, minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 13 * hour, max: 17 * hour }),
        fc.boolean(),
        (parcels, nowSec, ground) => {
          const plan = planDeliveries(parcels, sites, drones, settings);
          if (plan.flights.length === 0) return;
          const dayFlights: DayFlight[] = plan.flights.map((f) => ({
            id: f.seq,
            droneId: f.droneId,
            siteId: f.siteId,
            status: f.departSec < nowSec ? 'launched' : 'planned',
            loadG: f.loadG,
            departSec: f.departSec,
            returnSec: f.returnSec,
          }));
          const victim = plan.flights[0]!;
          const onBoard = parcels.filter((p) => victim.parcelIds.includes(p.id));
          const result = replanParcels({
            aborted: { id: victim.seq, droneId: victim.droneId, siteId: victim.siteId },
            parcels: onBoard,
            flights: dayFlights.filter((f) => f.id !== victim.seq),
            sites,
            drones,
            settings,
            nowSec,
            groundedDroneIds: ground ? [victim.droneId] : [],
          });
          const out = [
            ...result.moved.flatMap((m) => m.parcelIds),
            ...result.newFlights.flatMap((f) => f.parcelIds),
            ...result.car.map((c) => c.parcelId),
          ].sort((a, b) => a - b);
          expect(out).toEqual(victim.parcelIds.slice().sort((a, b) => a - b));
          const weight = new Map(parcels.map((p) => [p.id, p.weightG]));
          for (const m of result.moved) {
            const target = dayFlights.find((f) => f.id === m.flightId)!;
            expect(target.status).toBe('planned');
            expect(target.departSec).toBeGreaterThanOrEqual(nowSec);
            expect(target.loadG + m.parcelIds.reduce((s, id) => s + weight.get(id)!, 0)).toBeLessThanOrEqual(
              5000,
            );
          }
          for (const f of result.newFlights) {
            expect(f.departSec).toBeGreaterThanOrEqual(nowSec);
            expect(f.returnSec).toBeLessThanOrEqual(settings.windowEndSec);
            if (ground) expect(f.droneId).not.toBe(victim.droneId);
          }
        },
      ),
    );
  });
});
