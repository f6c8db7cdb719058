import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taxiBookings } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { accepted, loginDriverOf, placeId, residentsOf, TUESDAY_0930 } from './test-support';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const form = (path: string, headers: Record<string, string>, body: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of ([] as string[]).concat(v)) params.append(k, x);
  return ctx.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: params.toString(),
  });
};

describe('taxi console', () => {
  it('the driver tablet lists the vehicle’s stops and its buttons record the pickup', async () => {
    const [hanako] = residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const vehicleId = ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get()!.vehicleId;
    const driver = await loginDriverOf(ctx, vehicleId);
    const html = await (await ctx.request('/console/taxi/driver', { headers: driver })).text();
    expect(html).toContain('山田 花子');
    expect(html).toContain(`/console/taxi/driver/bookings/${b.id}/pickup`);
    const res = await form(`/console/taxi/driver/bookings/${b.id}/pickup`, driver, {});
    expect(res.status).toBe(303);
    expect(ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get()!.status).toBe(
      'on_board',
    );
  });

  it('the call centre books by form for a household that phoned', async () => {
    const cc = await ctx.login('callcentre');
    const page = await (await ctx.request('/console/taxi/calls?household=3', { headers: cc })).text();
    expect(page).toContain('北原 幸子');
    const [sachiko] = residentsOf(ctx, 3);
    const res = await form('/console/taxi/calls/households/3/book', cc, {
      idempotencyKey: 'cc-form-000001',
      riderIds: [String(sachiko)],
      companions: '0',
      from: 'home',
      to: String(placeId(ctx, '長谷診療所')),
      timeKind: 'arrive_by',
      time: '11:00',
    });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location')!)).toContain('お迎えに行きます');
    const rows = ctx.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 3)).all();
    expect(rows).toMatchObject([{ channel: 'call_centre', requestedTime: '11:00' }]);
  });

  it('city staff see the map and the figures; drivers may not', async () => {
    const [hanako] = residentsOf(ctx, 1);
    await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const city = await ctx.login('city');
    const html = await (await ctx.request('/console/taxi/city', { headers: city })).text();
    expect(html).toContain('<svg');
    expect(html).toContain('data-figure="onTimeShare"');
    expect(html).toContain('長谷診療所');
    const driver = await ctx.login('driver');
    expect((await ctx.request('/console/taxi/city', { headers: driver })).status).toBe(403);
  });
});
