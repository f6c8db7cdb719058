import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residents, taxiBookings, vehicles } from '../../../db/src/schema';
import { createTestContext } from '../../../test/helpers/context';
import { bookTaxi } from './book-taxi';
import { improveTaxiPlans } from './improve-taxi-plans';
import { defaultTaxiSettings, saveTaxiSettings } from './taxi-settings';
import { TUESDAY_0930 } from './test-support';

const TIMES = ['10:00', '10:15', '10:30', '10:45', '11:00', '11:30', '13:00', '14:00'];

describe('the stored plan after any sequence of bookings', () => {
  it('keeps every promised window and never puts more riders in a car than it has seats', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.nat(40),
            place: fc.integer({ min: 1, max: 24 }),
            outbound: fc.boolean(),
            time: fc.constantFrom(...TIMES),
            companions: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 5, maxLength: 18 },
        ),
        async (requests) => {
          const ctx = await createTestContext({ now: TUESDAY_0930 });
          try {
            await saveTaxiSettings(
              ctx.db,
              { ...defaultTaxiSettings, reoptimizeMs: 5, improveMs: 5 },
              ctx.clock.now(),
            );
            const people = (await ctx.db.select().from(residents).all()).filter(
              (r) => r.birthDate < '1960-01-01',
            );
            for (const [i, q] of requests.entries()) {
              const r = people[q.who % people.length]!;
              const place = { kind: 'place' as const, placeId: q.place };
              await bookTaxi(
                ctx.db,
                {
                  idempotencyKey: `prop-${i}-key`,
                  riderIds: [r.id],
                  companions: q.companions,
                  from: q.outbound ? { kind: 'home' } : place,
                  to: q.outbound ? place : { kind: 'home' },
                  timeKind: q.outbound ? 'arrive_by' : 'leave_after',
                  time: q.time,
                },
                { householdId: r.householdId, channel: 'tv', actor: { type: 'system', id: null } },
                ctx.clock.now(),
              );
            }
            // the background improvement between bookings must keep every promise too
            await improveTaxiPlans(ctx.db, ctx.clock.now());
            const rows = await ctx.db.select().from(taxiBookings).all();
            const seats = new Map((await ctx.db.select().from(vehicles).all()).map((v) => [v.id, v.seats]));
            for (const b of rows) {
              expect(b.plannedPickupAt.getTime()).toBeGreaterThanOrEqual(b.pickupFrom.getTime() - 1000);
              expect(b.plannedPickupAt.getTime()).toBeLessThanOrEqual(b.pickupTo.getTime() + 1000);
              expect(b.plannedDropoffAt.getTime()).toBeLessThanOrEqual(b.latestArrival.getTime() + 1000);
              expect(b.plannedDropoffAt.getTime()).toBeGreaterThan(b.plannedPickupAt.getTime());
            }
            for (const [vehicleId, cap] of seats) {
              const events = rows
                .filter((b) => b.vehicleId === vehicleId)
                .flatMap((b) => [
                  [b.plannedPickupAt.getTime(), b.passengers] as const,
                  [b.plannedDropoffAt.getTime(), -b.passengers] as const,
                ])
                .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
              let load = 0;
              for (const [, d] of events) {
                load += d;
                expect(load).toBeLessThanOrEqual(cap);
              }
            }
          } finally {
            ctx.close();
          }
        },
      ),
      { numRuns: 6, seed: 20261124 },
    );
  });
});
