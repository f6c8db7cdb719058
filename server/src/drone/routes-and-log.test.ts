import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { droneRoutes } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { routeLengthM } from './route/route-length';
import { allOk, at, DAY } from './test-fixtures';

let ctx: TestContext;
let cookie: Record<string, string>;
beforeEach(async () => {
  ctx = await createTestContext({ now: at('09:00') });
  cookie = await ctx.login('drone');
});
afterEach(() => ctx.close());

const waypoints = [
  { lat: 35.78, lon: 138.06, altM: 60 },
  { lat: 35.77, lon: 138.07, altM: 70 },
];

describe('routes and .plan files', () => {
  it('stores a hall’s waypoints with the route length and serves the QGroundControl plan', async () => {
    const res = await ctx.json('PUT', '/api/drone/routes/1', { portId: 1, waypoints }, cookie);
    expect(res.status).toBe(200);
    const expected = routeLengthM([
      { lat: 35.7853, lon: 138.0574 },
      ...waypoints,
      { lat: 35.7608, lon: 138.0798 },
    ]);
    expect(
      (await ctx.db.select().from(droneRoutes).where(eq(droneRoutes.hamletId, 1)).get())!.lengthM,
    ).toBeCloseTo(expected, 3);

    const plan = await ctx.request('/api/drone/routes/1/plan', { headers: cookie });
    expect(plan.headers.get('content-disposition')).toBe('attachment; filename="route-1.plan"');
    const body = (await plan.json()) as {
      fileType: string;
      mission: { items: { command: number; params: number[] }[] };
    };
    expect(body.fileType).toBe('Plan');
    expect(body.mission.items.map((i) => i.command)).toEqual([22, 16, 16, 21]);
    expect(body.mission.items[3]!.params.slice(4, 6)).toEqual([35.7608, 138.0798]);

    const console = await ctx.request('/console/drone/routes/1.plan', { headers: cookie });
    expect(console.status).toBe(200);
    expect(JSON.parse(await console.text())).toEqual(body);
  });

  it('answers 404 for a hall without a route, 400 for bad waypoints, writing nothing', async () => {
    // the demo seed gives every hall a route: take hall 2's away
    ctx.sqlite.exec(
      'DELETE FROM drone_route_waypoints WHERE route_id IN (SELECT id FROM drone_routes WHERE hamlet_id = 2); DELETE FROM drone_routes WHERE hamlet_id = 2;',
    );
    expect((await ctx.request('/api/drone/routes/2/plan', { headers: cookie })).status).toBe(404);
    const before = tableCounts(ctx);
    const bad = await ctx.json(
      'PUT',
      '/api/drone/routes/1',
      { portId: 1, waypoints: [{ lat: 91, lon: 0, altM: 60 }] },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect((await ctx.json('PUT', '/api/drone/routes/999', { portId: 1, waypoints }, cookie)).status).toBe(
      404,
    );
    expect(tableCounts(ctx)).toEqual(before);
  });
});

describe('daily inspection and maintenance records', () => {
  it('exports inspections and maintenance per airframe and period as CSV', async () => {
    await ctx.json(
      'POST',
      '/api/drone/drones/1/inspections',
      { date: DAY, place: 'ポート', results: allOk },
      cookie,
    );
    await ctx.json(
      'POST',
      '/api/drone/drones/1/inspections',
      { date: '2026-11-25', place: 'ポート', results: { ...allOk, battery: 'ng' }, notes: '膨らみ' },
      cookie,
    );
    await ctx.json(
      'POST',
      '/api/drone/drones/2/inspections',
      { date: DAY, place: 'ポート', results: allOk },
      cookie,
    );
    const res = await ctx.json(
      'POST',
      '/api/drone/drones/1/maintenance',
      {
        date: '2026-11-25',
        place: '整備場',
        performedBy: '整備 一郎',
        work: 'バッテリー交換',
        partsReplaced: 'バッテリー 1個',
        reason: '日常点検で膨らみ',
      },
      cookie,
    );
    expect(res.status).toBe(201);

    const get = async (q: string) => {
      const r = await ctx.request(`/api/drone/drones/1/flight-log?${q}`, { headers: cookie });
      expect(r.status).toBe(200);
      return parse(await r.text(), { bom: true, columns: true }) as Record<string, string>[];
    };
    const inspections = await get(`from=${DAY}&to=2026-11-30&part=inspections`);
    expect(inspections.map((r) => [r.点検年月日, r.バッテリー, r.点検者])).toEqual([
      [DAY, '正常', '空野 翔'],
      ['2026-11-25', '異常', '空野 翔'],
    ]);
    expect(await get(`from=2026-11-25&to=2026-11-25&part=inspections`)).toHaveLength(1);
    const maintenance = await get(`from=${DAY}&to=2026-11-30&part=maintenance`);
    expect(maintenance[0]).toMatchObject({
      交換部品: 'バッテリー 1個',
      総飛行時間: '0:00:00',
      登録記号: 'JU-HASE-0001',
    });
  });

  it('rejects a bad period or check item', async () => {
    const r = await ctx.request(`/api/drone/drones/1/flight-log?from=2026-11-30&to=2026-11-01`, {
      headers: cookie,
    });
    expect(r.status).toBe(400);
    const bad = await ctx.json(
      'POST',
      '/api/drone/drones/1/inspections',
      { date: DAY, place: 'ポート', results: { ...allOk, battery: 'maybe' } },
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(
      (await ctx.request(`/api/drone/drones/9/flight-log?from=${DAY}&to=${DAY}`, { headers: cookie })).status,
    ).toBe(404);
  });
});
