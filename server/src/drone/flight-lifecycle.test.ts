import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import {
  droneFlightEvents,
  droneFlightParcels,
  droneFlightRecords,
  droneFlights,
  orderEvents,
} from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { runCutoffPlan } from './jobs';
import { addOrder, allOk, at, calm, DAY, order, pack, withRoutes } from './test-fixtures';

let ctx: TestContext;
let cookie: Record<string, string>;
let orderA: number;
let orderB: number;
let flightId: number;

beforeEach(async () => {
  ctx = await createTestContext({ now: at('10:00') });
  await withRoutes(ctx);
  orderA = await addOrder(ctx, 1, 2000);
  orderB = await addOrder(ctx, 4, 1500); // hamlet 2
  ctx.clock.set(at('11:00'));
  await runCutoffPlan(ctx.deps);
  flightId = (await ctx.db.select().from(droneFlights).where(eq(droneFlights.hamletId, 1)).get())!.id;
  cookie = await ctx.login('drone');
  ctx.clock.set(at('12:30'));
  await pack(ctx, orderA, orderB);
});
afterEach(() => ctx.close());

const post = (path: string, body: unknown = {}) => ctx.json('POST', `/api/drone${path}`, body, cookie);
const inspect = (droneId: number, results: Record<string, string> = allOk) =>
  post(`/drones/${droneId}/inspections`, { date: DAY, place: 'ドローンポート', results });
const weather = (body: Record<string, unknown> = calm) => post(`/days/${DAY}/weather-checks`, body);
const launch = (body: Record<string, unknown> = { pilotLicenceNo: '0123456789' }) =>
  post(`/flights/${flightId}/launch`, body);
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const droneOf = async () =>
  (await ctx.db.select().from(droneFlights).where(eq(droneFlights.id, flightId)).get())!;

describe('flight lifecycle on the board', () => {
  it('refuses take-off without a recent weather check, and changes nothing', async () => {
    await inspect((await droneOf()).droneId);
    const before = tableCounts(ctx);
    const res = await launch();
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('weather_check_required');
    expect(tableCounts(ctx)).toEqual(before);
    await weather();
    ctx.clock.set(at('13:31')); // the check is now 61 minutes old
    expect(await errorCode(await launch())).toBe('weather_check_required');
  });

  it('refuses take-off without a passed daily inspection', async () => {
    await weather();
    expect(await errorCode(await launch())).toBe('inspection_required');
    const res = await inspect((await droneOf()).droneId, { ...allOk, propellers: 'ng' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ passed: false });
    expect(await errorCode(await launch())).toBe('inspection_failed');
    expect((await inspect((await droneOf()).droneId)).status).toBe(409); // one inspection per airframe per day
  });

  it('needs the pilot licence once, then remembers it', async () => {
    await weather();
    await inspect((await droneOf()).droneId);
    const res = await launch({});
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('licence_required');
  });

  it('refuses take-off while a parcel is not packed', async () => {
    await weather();
    await inspect((await droneOf()).droneId);
    const late = await addOrder(ctx, 3, 500);
    // an order still being picked sits on the flight (e.g. moved there after an abort)
    await ctx.db.insert(droneFlightParcels).values({ flightId, orderId: late, weightG: 500 }).run();
    const res = await launch();
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('parcels_not_ready');
  });

  it('launch → 配送中, land → 公民館に到着, return; each leg logged and every change recorded with actor', async () => {
    await weather();
    await inspect((await droneOf()).droneId);
    ctx.clock.set(at('13:00'));
    expect((await launch()).status).toBe(200);
    expect(await order(ctx, orderA)).toMatchObject({ status: 'in_transit', deliveryMode: 'drone' });
    expect(await errorCode(await post(`/flights/${flightId}/return`))).toBe('invalid_flight_transition');

    ctx.clock.set(at('13:10'));
    expect((await post(`/flights/${flightId}/land`)).status).toBe(200);
    expect((await order(ctx, orderA)).status).toBe('at_hall');
    expect((await order(ctx, orderB)).status).toBe('preparing'); // another hall, another flight

    ctx.clock.set(at('13:25'));
    expect((await post(`/flights/${flightId}/return`)).status).toBe(200);
    const records = await ctx.db.select().from(droneFlightRecords).all();
    expect(records.map((r) => [r.leg, r.flightSec, r.totalSec, r.landingPlace])).toEqual([
      ['outbound', 600, 600, '中尾公民館'],
      ['return', 600, 1200, '道の駅 南アルプスむら長谷 ドローンポート'],
    ]);
    expect(records[0]).toMatchObject({ pilotName: '空野 翔', pilotLicenceNo: '0123456789' });

    const staffId = (await ctx.db
      .select()
      .from(droneFlightEvents)
      .where(eq(droneFlightEvents.status, 'launched'))
      .get())!;
    expect(staffId).toMatchObject({ actorType: 'staff', at: at('13:00') });
    expect(
      (
        await ctx.db.select().from(droneFlightEvents).where(eq(droneFlightEvents.flightId, flightId)).all()
      ).map((e) => e.status),
    ).toEqual(['planned', 'launched', 'landed', 'returned']);
    const orderTrail = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderA)).all();
    expect(orderTrail.map((e) => e.status).slice(-2)).toEqual(['in_transit', 'at_hall']);
    expect(orderTrail.at(-1)).toMatchObject({ actorType: 'staff', at: at('13:10') });

    const csv = await ctx.request(
      `/api/drone/drones/${(await droneOf()).droneId}/flight-log?from=${DAY}&to=${DAY}`,
      {
        headers: cookie,
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('flight-log-JU-HASE-');
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.離陸時刻, r.着陸時刻, r.飛行時間, r.総飛行時間])).toEqual([
      [`${DAY} 13:00`, `${DAY} 13:10`, '0:10:00', '0:10:00'],
      [`${DAY} 13:15`, `${DAY} 13:25`, '0:10:00', '0:20:00'],
    ]);
    const other = await ctx.request(
      `/api/drone/drones/${(await droneOf()).droneId}/flight-log?from=2026-11-25&to=2026-11-30`,
      {
        headers: cookie,
      },
    );
    expect(parse(await other.text(), { bom: true, columns: true })).toEqual([]);
  });

  it('a wind of 5 m/s sends the not-yet-launched flights by car with the reason for residents', async () => {
    const res = await weather({ ...calm, groundWindLandingMps: 5 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { mode: string; cancelledFlightIds: number[] };
    expect(body.mode).toBe('car');
    expect(body.cancelledFlightIds).toContain(flightId);
    expect(await order(ctx, orderA)).toMatchObject({
      deliveryMode: 'car',
      deliveryModeReason: '風が強いため、車でお届けします',
    });
    expect((await droneOf()).status).toBe('cancelled');
    // the car leaves with the hall's parcels: 配送中 with the reason kept, then arrives at the hall
    expect((await post(`/days/${DAY}/car/1/dispatch`)).status).toBe(200);
    expect(await order(ctx, orderA)).toMatchObject({ status: 'in_transit', deliveryMode: 'car' });
    expect((await post(`/days/${DAY}/car/1/arrive`)).status).toBe(200);
    expect((await order(ctx, orderA)).status).toBe('at_hall');
  });

  it('when the wind drops, car parcels still at the port fly again; a car that left keeps its parcels', async () => {
    await weather({ ...calm, groundWindLandingMps: 6 });
    expect((await order(ctx, orderA)).deliveryMode).toBe('car');
    expect((await order(ctx, orderB)).deliveryMode).toBe('car');
    // Hall 2's car leaves before the wind drops; hall 1's parcels are still at the port.
    expect((await post(`/days/${DAY}/car/2/dispatch`)).status).toBe(200);
    ctx.clock.set(at('13:30'));
    const res = await weather();
    expect(res.status).toBe(201);
    const body = (await res.json()) as { mode: string; backToDroneOrderIds: number[] };
    expect(body).toMatchObject({ mode: 'drone', backToDroneOrderIds: [orderA] });
    expect(await order(ctx, orderA)).toMatchObject({
      status: 'preparing',
      deliveryMode: 'drone',
      deliveryModeReason: null,
    });
    expect(await order(ctx, orderB)).toMatchObject({ status: 'in_transit', deliveryMode: 'car' });
    // On exactly one planned flight to hall 1 that leaves after the check, never twice.
    const onBoard = (
      await ctx.db.select().from(droneFlightParcels).where(eq(droneFlightParcels.orderId, orderA)).all()
    ).filter((p) => p.removedAt === null);
    expect(onBoard).toHaveLength(1);
    const flight = (await ctx.db
      .select()
      .from(droneFlights)
      .where(eq(droneFlights.id, onBoard[0]!.flightId))
      .get())!;
    expect(flight).toMatchObject({ status: 'planned', hamletId: 1 });
    expect(flight.plannedDepartAt.getTime()).toBeGreaterThanOrEqual(at('13:30').getTime());
    // A second fine check finds nothing left to move.
    const again = (await (await weather()).json()) as { backToDroneOrderIds: number[] };
    expect(again.backToDroneOrderIds).toEqual([]);
    const history = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderA)).all();
    expect(history.at(-1)!.note).toContain('天候回復');
  });

  it('rain at one hall only cancels that hall’s flights', async () => {
    const res = await weather({ ...calm, rain: true, hamletId: 2 });
    expect(((await res.json()) as { residentText: string }).residentText).toBe('雨のため、車でお届けします');
    expect((await order(ctx, orderB)).deliveryMode).toBe('car');
    expect((await order(ctx, orderA)).deliveryMode).toBe('drone');
  });

  it('rejects bad weather input with 400 and writes nothing', async () => {
    const before = tableCounts(ctx);
    for (const body of [
      { ...calm, groundWindTakeoffMps: -1 },
      { ...calm, bands: [{ fromM: 100, toM: 50, windMps: 1 }] },
      { ...calm, rain: 'yes' },
    ]) {
      const res = await weather(body);
      expect(res.status).toBe(400);
    }
    expect(tableCounts(ctx)).toEqual(before);
  });
});
