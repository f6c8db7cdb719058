import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { droneFlightParcels, droneFlightRecords, droneFlights } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { runCutoffPlan } from './jobs';
import { addOrder, allOk, at, calm, DAY, order, pack, withRoutes } from './test-fixtures';

let ctx: TestContext;
let cookie: Record<string, string>;
const post = (path: string, body: unknown = {}) => ctx.json('POST', `/api/drone${path}`, body, cookie);
const flights = async () => await ctx.db.select().from(droneFlights).orderBy(droneFlights.seq).all();
const activeFlightOf = async (orderId: number) =>
  await ctx.db
    .select({ flightId: droneFlightParcels.flightId })
    .from(droneFlightParcels)
    .where(and(eq(droneFlightParcels.orderId, orderId), isNull(droneFlightParcels.removedAt)))
    .all();

beforeEach(async () => {
  ctx = await createTestContext({ now: at('10:00') });
  await withRoutes(ctx);
  cookie = await ctx.login('drone');
});
afterEach(() => ctx.close());

async function readyToFly() {
  ctx.clock.set(at('11:00'));
  await runCutoffPlan(ctx.deps);
  ctx.clock.set(at('12:50'));
  await post(`/days/${DAY}/weather-checks`, calm);
  for (const d of [1, 2])
    await post(`/drones/${d}/inspections`, { date: DAY, place: 'ポート', results: allOk });
}

describe('aborting a flight', () => {
  it('moves an airborne flight’s parcels to a later flight to the same hall with room, and logs the leg', async () => {
    // three 3 kg parcels to one hall: three flights, two drones
    const ids = [await addOrder(ctx, 1, 3000), await addOrder(ctx, 2, 3000), await addOrder(ctx, 3, 1500)];
    await readyToFly();
    await pack(ctx, ...ids);
    const [first] = await flights();
    ctx.clock.set(at('13:00'));
    expect((await post(`/flights/${first!.id}/launch`, { pilotLicenceNo: 'L-0001' })).status).toBe(200);
    ctx.clock.set(at('13:04'));
    const res = await post(`/flights/${first!.id}/abort`, { reason: 'GPS信号の低下' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      droneOrderIds: number[];
      movedTo: { flightId: number }[];
      newFlightIds: number[];
      carOrderIds: number[];
    };
    const aborted = await ctx.db
      .select()
      .from(droneFlightParcels)
      .where(eq(droneFlightParcels.flightId, first!.id))
      .all();
    for (const p of aborted) {
      expect(p.removedReason).toBe('aborted');
      expect(await activeFlightOf(p.orderId)).toHaveLength(1); // on exactly one live flight: never lost or duplicated
      expect(await order(ctx, p.orderId)).toMatchObject({ status: 'preparing', deliveryMode: 'drone' }); // back at the port
    }
    expect(body.movedTo.length + body.newFlightIds.length).toBeGreaterThan(0);
    expect([...body.droneOrderIds].sort()).toEqual(aborted.map((p) => p.orderId).sort());
    expect(body.carOrderIds).toEqual([]);
    const record = (await ctx.db
      .select()
      .from(droneFlightRecords)
      .where(eq(droneFlightRecords.flightId, first!.id))
      .get())!;
    expect(record).toMatchObject({
      flightSec: 240,
      landingPlace: '道の駅 南アルプスむら長谷 ドローンポート',
    });
    expect(record.safetyNotes).toContain('GPS信号の低下');
    for (const f of await flights()) {
      if (f.status === 'planned') {
        const load = (
          await ctx.db
            .select()
            .from(droneFlightParcels)
            .where(and(eq(droneFlightParcels.flightId, f.id), isNull(droneFlightParcels.removedAt)))
            .all()
        ).reduce((s, p) => s + p.weightG, 0);
        expect(f.loadG).toBe(load);
        expect(load).toBeLessThanOrEqual(5000);
        expect(f.droneId).not.toBe(first!.droneId); // the aborted airframe stays on the ground
      }
    }
  });

  it('sends the parcels by car with the reason when no flight can take them before the window closes', async () => {
    const id = await addOrder(ctx, 1, 4000);
    await readyToFly();
    await pack(ctx, id);
    const [flight] = await flights();
    ctx.clock.set(at('16:55'));
    await post(`/days/${DAY}/weather-checks`, calm);
    const res = await post(`/flights/${flight!.id}/abort`, { reason: 'バッテリー異常' });
    expect(((await res.json()) as { carOrderIds: number[] }).carOrderIds).toEqual([id]);
    expect(await order(ctx, id)).toMatchObject({
      deliveryMode: 'car',
      deliveryModeReason: 'ドローンの飛行を中止したため、車でお届けします',
    });
    expect(await activeFlightOf(id)).toEqual([]);
  });

  it('refuses to abort a flight that has already landed, and needs a reason', async () => {
    const id = await addOrder(ctx, 1, 1000);
    await readyToFly();
    await pack(ctx, id);
    const [flight] = await flights();
    expect((await post(`/flights/${flight!.id}/abort`, {})).status).toBe(400);
    await post(`/flights/${flight!.id}/launch`, { pilotLicenceNo: 'L-0001' });
    ctx.clock.set(at('13:10'));
    await post(`/flights/${flight!.id}/land`);
    const res = await post(`/flights/${flight!.id}/abort`, { reason: 'x' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_flight_transition');
  });
});
