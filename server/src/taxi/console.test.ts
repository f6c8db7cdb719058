import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, charges, taxiBookings } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { accepted, loginDriverOf, placeId, residentsOf, TUESDAY_0930 } from './test-support';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

/** The flash message a redirect carries (the cookie holds URI-encoded JSON, encoded again by the cookie). */
const flashOf = (res: Response) =>
  decodeURIComponent(
    decodeURIComponent(/engawa_flash=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? ''),
  );

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
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const vehicleId = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!
      .vehicleId;
    const driver = await loginDriverOf(ctx, vehicleId);
    const html = await (await ctx.request('/console/taxi/driver', { headers: driver })).text();
    expect(html).toContain('山田 花子');
    expect(html).toContain(`/console/taxi/driver/bookings/${b.id}/pickup`);
    const res = await form(`/console/taxi/driver/bookings/${b.id}/pickup`, driver, {});
    expect(res.status).toBe(303);
    expect((await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!.status).toBe(
      'on_board',
    );
  });

  it('the call centre books by form for a household that phoned', async () => {
    const cc = await ctx.login('callcentre');
    const page = await (await ctx.request('/console/taxi/calls?household=3', { headers: cc })).text();
    expect(page).toContain('北原 幸子');
    const [sachiko] = await residentsOf(ctx, 3);
    const res = await form('/console/taxi/calls/households/3/book', cc, {
      idempotencyKey: 'cc-form-000001',
      riderIds: [String(sachiko)],
      companions: '0',
      from: 'home',
      to: String(await placeId(ctx, '長谷診療所')),
      timeKind: 'arrive_by',
      time: '11:00',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/taxi/calls?household=3');
    expect(flashOf(res)).toContain('お迎えに行きます');
    const rows = await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 3)).all();
    expect(rows).toMatchObject([{ channel: 'call_centre', requestedTime: '11:00' }]);
    // the page of that call now shows the ride on a map, from home to the clinic
    const after = await (await ctx.request('/console/taxi/calls?household=3', { headers: cc })).text();
    expect(after).toContain('この世帯の今日の乗車の地図');
    expect(after).toContain('降車 長谷診療所');
  });

  it('city staff see the map and the figures; drivers may not', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const city = await ctx.login('city');
    const html = await (await ctx.request('/console/taxi/city', { headers: city })).text();
    expect(html).toContain('class="map-view"');
    expect(html).toContain('/console/map/map-client.js');
    expect(html).toContain('data-figure="onTimeShare"');
    expect(html).toContain('長谷診療所');
    const driver = await ctx.login('driver');
    expect((await ctx.request('/console/taxi/city', { headers: driver })).status).toBe(403);
  });

  it('a refused call-centre booking redraws the form with what was chosen and the wrong field marked', async () => {
    const cc = await ctx.login('callcentre');
    const res = await form('/console/taxi/calls/households/3/book', cc, {
      idempotencyKey: 'cc-form-000002',
      from: 'home',
      to: 'nowhere',
      timeKind: 'leave_after',
      time: '13:00',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('乗合タクシー 電話受付');
    expect(page).toMatch(/<select name="to" aria-invalid="true"/);
    expect(page).toContain('class="field-error" id="err-to"');
    expect(page).toContain('class="field-error" id="err-riderIds"');
    expect(page).toMatch(/<option value="leave_after" selected="">/);
    expect(page).toMatch(/<option selected="">13:00<\/option>/);
    expect(await ctx.db.select().from(taxiBookings).all()).toHaveLength(0);
  });
});

describe('driver undo and carried rides', () => {
  async function onBoard() {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const row = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!;
    ctx.clock.set(row.pickupFrom);
    const driver = await loginDriverOf(ctx, row.vehicleId);
    const res = await form(`/console/taxi/driver/bookings/${b.id}/pickup`, driver, { key: 'tap-000001' });
    expect(res.status).toBe(303);
    return { id: b.id, driver };
  }
  const statusOf = async (id: number) =>
    (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;

  it('取り消す takes back a mistaken pickup within minutes, once, and the audit log keeps both', async () => {
    const { id, driver } = await onBoard();
    const page = await (await ctx.request('/console/taxi/driver', { headers: driver })).text();
    expect(page).toContain('直前の操作');
    expect(page).toContain(`/console/taxi/driver/bookings/${id}/undo`);
    ctx.clock.advance(2 * 60_000);
    const undo = await form(`/console/taxi/driver/bookings/${id}/undo`, driver, { key: 'undo-000001' });
    expect(undo.status).toBe(303);
    expect(await statusOf(id)).toMatchObject({ status: 'booked', pickedUpAt: null });
    // the offline queue resends the same undo: nothing more happens (no error either)
    const again = await form(`/console/taxi/driver/bookings/${id}/undo`, driver, { key: 'undo-000001' });
    expect(again.status).toBe(303);
    expect(flashOf(again)).not.toContain('error');
    const actions = (await ctx.db.select().from(auditLog).all())
      .filter((a) => a.entity === 'taxi_booking' && a.entityId === String(id))
      .map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('taxi.ride.'))).toEqual([
      'taxi.ride.pickup',
      'taxi.ride.undo_pickup',
    ]);
  });

  it('an undo of a drop-off removes its charge; after the undo window it is refused with a message', async () => {
    const { id, driver } = await onBoard();
    ctx.clock.advance(20 * 60_000);
    await form(`/console/taxi/driver/bookings/${id}/dropoff`, driver, { key: 'tap-000002' });
    expect((await statusOf(id)).status).toBe('arrived');
    expect(
      (await ctx.db.select().from(charges).all()).filter((ch) => ch.sourceKey.startsWith(`ride:${id}:`)),
    ).toHaveLength(1);
    await form(`/console/taxi/driver/bookings/${id}/undo`, driver, { key: 'undo-000002' });
    expect((await statusOf(id)).status).toBe('on_board');
    expect(
      (await ctx.db.select().from(charges).all()).filter((ch) => ch.sourceKey.startsWith(`ride:${id}:`)),
    ).toHaveLength(0);
    await form(`/console/taxi/driver/bookings/${id}/dropoff`, driver, { key: 'tap-000003' });
    ctx.clock.advance(6 * 60_000);
    const late = await form(`/console/taxi/driver/bookings/${id}/undo`, driver, { key: 'undo-000003' });
    expect(late.status).toBe(303);
    expect(flashOf(late)).toContain('5分以内');
    expect((await statusOf(id)).status).toBe('arrived');
  });

  it('a ride left open yesterday is on today’s tablet and city board with 「前日から」 until closed', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const row = await statusOf(b.id);
    const day = 24 * 3600_000;
    await ctx.db
      .update(taxiBookings)
      .set({
        serviceDate: '2026-11-23',
        pickupFrom: new Date(row.pickupFrom.getTime() - day),
        pickupTo: new Date(row.pickupTo.getTime() - day),
        plannedPickupAt: new Date(row.plannedPickupAt.getTime() - day),
        plannedDropoffAt: new Date(row.plannedDropoffAt.getTime() - day),
      })
      .where(eq(taxiBookings.id, b.id))
      .run();
    const driver = await loginDriverOf(ctx, row.vehicleId);
    const tablet = await (await ctx.request('/console/taxi/driver', { headers: driver })).text();
    expect(tablet).toContain('前日から');
    expect(tablet).toContain(`/console/taxi/driver/bookings/${b.id}/no_show`);
    const city = await ctx.login('city');
    expect(await (await ctx.request('/console/taxi/city', { headers: city })).text()).toContain('前日から');
    // yesterday's own board shows that day as it was, without the badge
    const past = await (await ctx.request('/console/taxi/city?date=2026-11-23', { headers: city })).text();
    expect(past).not.toContain('carried');
    await form(`/console/taxi/driver/bookings/${b.id}/no_show`, driver, { key: 'tap-000004', confirm: '1' });
    expect(await (await ctx.request('/console/taxi/driver', { headers: driver })).text()).not.toContain(
      '前日から',
    );
  });

  it('a bad date on the city board is a 400 page, not a 500', async () => {
    const city = await ctx.login('city');
    const res = await ctx.request('/console/taxi/city?date=2026-02-30', {
      headers: { ...city, accept: 'text/html' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
