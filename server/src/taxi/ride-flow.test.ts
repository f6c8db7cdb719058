import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { charges, taxiBookings, watchPresence } from '../../../db/src/schema';
import { enrollResident } from '../watch/index';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import type { BookingView } from './booking-view';
import type { DayPlan } from './get-day-plan';
import type { Manifest } from './get-manifest';
import { defaultTaxiSettings, saveTaxiSettings } from './taxi-settings';
import { accepted, loginDriverOf, placeId, residentsOf, TUESDAY_0930 } from './test-support';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const row = async (id: number) =>
  (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get())!;
const post = (path: string, headers: Record<string, string>) =>
  ctx.request(path, { method: 'POST', headers });
const tvList = async (box: number) =>
  (
    (await (await ctx.request('/api/taxi/bookings', { headers: ctx.device(box) })).json()) as {
      bookings: BookingView[];
    }
  ).bookings;

describe('cancelling', () => {
  it('a resident may cancel up to the pickup window, not after; another box cannot see it', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const a = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '13:00' });

    expect((await post(`/api/taxi/bookings/${a.id}/cancel`, ctx.device(2))).status).toBe(404);

    ctx.clock.set((await row(a.id)).pickupFrom.getTime() - 60_000);
    const ok = await post(`/api/taxi/bookings/${a.id}/cancel`, ctx.device(1));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as BookingView).statusLabel).toBe('取り消し');

    ctx.clock.set((await row(b.id)).pickupFrom);
    const late = await post(`/api/taxi/bookings/${b.id}/cancel`, ctx.device(1));
    expect(late.status).toBe(422);
    expect((await row(b.id)).status).toBe('booked');
  });

  it('a cancelled ride frees its seat for the next booking', async () => {
    const [masao, kazuko] = await residentsOf(ctx, 2);
    const first = await accepted(ctx, 2, { riderIds: [masao!, kazuko!], companions: 1, time: '10:30' });
    await post(`/api/taxi/bookings/${first.id}/cancel`, ctx.device(2));
    const rows = await ctx.db.select().from(taxiBookings).all();
    expect(rows.filter((r) => r.status === 'booked')).toHaveLength(0);
    const again = await accepted(ctx, 2, { riderIds: [masao!, kazuko!], companions: 1, time: '10:30' });
    expect(again.passengers).toBe(3);
  });
});

describe('drivers', () => {
  it('see their manifest, mark pickup and drop-off; the TV shows each status and a charge is written per rider', async () => {
    const [masao, kazuko] = await residentsOf(ctx, 2);
    const b = await accepted(ctx, 2, { riderIds: [masao!, kazuko!], time: '10:30' });
    const r = await row(b.id);
    const driver = await loginDriverOf(ctx, r.vehicleId);

    const manifest = (await (
      await ctx.request('/api/taxi/driver/manifest', { headers: driver })
    ).json()) as Manifest;
    expect(manifest.stops.map((s) => [s.bookingId, s.kind])).toEqual([
      [b.id, 'pickup'],
      [b.id, 'dropoff'],
    ]);
    expect(manifest.stops[0]!.names).toEqual(['小松 正夫', '小松 和子']);
    expect((await tvList(2))[0]!.statusLabel).toBe('予約済み');

    ctx.clock.set(r.pickupFrom.getTime() - 5 * 60_000);
    expect((await tvList(2))[0]!.statusLabel).toBe('迎車中');
    ctx.clock.set(r.pickupFrom.getTime() + 2 * 60_000);
    expect((await post(`/api/taxi/driver/bookings/${b.id}/pickup`, driver)).status).toBe(200);
    expect((await tvList(2))[0]!.statusLabel).toBe('乗車中');

    ctx.clock.set(r.plannedDropoffAt);
    expect((await post(`/api/taxi/driver/bookings/${b.id}/dropoff`, driver)).status).toBe(200);
    // reporting twice changes nothing
    expect((await post(`/api/taxi/driver/bookings/${b.id}/dropoff`, driver)).status).toBe(200);
    expect((await tvList(2))[0]!.statusLabel).toBe('到着');

    const cs = await ctx.db.select().from(charges).where(eq(charges.kind, 'ride')).all();
    expect(cs.map((c) => [c.sourceKey, c.amountYen, c.taxRate, c.month, c.residentId]).sort()).toEqual(
      [
        [`ride:${b.id}:resident:${masao}`, 250, 10, '2026-11', masao], // licence returned
        [`ride:${b.id}:resident:${kazuko}`, 500, 10, '2026-11', kazuko],
      ].sort(),
    );
  });

  it('may mark a no-show only after the grace time; not charged by default, charged when configured', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const [sachiko] = await residentsOf(ctx, 3);
    const a = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const b = await accepted(ctx, 3, { riderIds: [sachiko!], time: '13:30' });
    const driverA = await loginDriverOf(ctx, (await row(a.id)).vehicleId);

    ctx.clock.set((await row(a.id)).pickupFrom.getTime() + 4 * 60_000);
    const early = await post(`/api/taxi/driver/bookings/${a.id}/no-show`, driverA);
    expect(early.status).toBe(422);
    ctx.clock.set((await row(a.id)).pickupFrom.getTime() + 5 * 60_000);
    expect((await post(`/api/taxi/driver/bookings/${a.id}/no-show`, driverA)).status).toBe(200);
    expect((await tvList(1))[0]!.statusLabel).toBe('不在でキャンセル');
    expect(await ctx.db.select().from(charges).where(eq(charges.kind, 'ride')).all()).toHaveLength(0);

    await saveTaxiSettings(
      ctx.db,
      { ...defaultTaxiSettings, noShowCharged: true, noShowGraceMinutes: 10 },
      ctx.clock.now(),
    );
    const driverB = await loginDriverOf(ctx, (await row(b.id)).vehicleId);
    ctx.clock.set((await row(b.id)).pickupFrom.getTime() + 9 * 60_000);
    expect((await post(`/api/taxi/driver/bookings/${b.id}/no-show`, driverB)).status).toBe(422);
    ctx.clock.set((await row(b.id)).pickupFrom.getTime() + 10 * 60_000);
    expect((await post(`/api/taxi/driver/bookings/${b.id}/no-show`, driverB)).status).toBe(200);
    const cs = await ctx.db.select().from(charges).where(eq(charges.kind, 'ride')).all();
    expect(cs.map((c) => [c.sourceKey, c.amountYen])).toEqual([[`ride:${b.id}:resident:${sachiko}`, 500]]);
  });

  it('choose their vehicle for the day; the manifest follows the choice', async () => {
    // Vehicle 3 is driver-3's until they hand it back.
    const holder = await ctx.login('driver-3');
    expect(
      (await ctx.request('/api/taxi/driver/vehicle', { method: 'DELETE', headers: holder })).status,
    ).toBe(200);
    const driver = await ctx.login('driver');
    const put = await ctx.request('/api/taxi/driver/vehicle', {
      method: 'PUT',
      headers: { ...driver, 'content-type': 'application/json' },
      body: JSON.stringify({ vehicleId: 3 }),
    });
    expect(put.status).toBe(200);
    const m = (await (
      await ctx.request('/api/taxi/driver/manifest', { headers: driver })
    ).json()) as Manifest;
    expect(m.vehicle.id).toBe(3);
  });

  it('cannot act on another vehicle’s ride; a TV box cannot use driver routes', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const a = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const vehicleOfA = (await row(a.id)).vehicleId;
    const other = [1, 2, 3].find((v) => v !== vehicleOfA)!;
    const wrongDriver = await loginDriverOf(ctx, other);
    expect((await post(`/api/taxi/driver/bookings/${a.id}/pickup`, wrongDriver)).status).toBe(403);
    expect((await post(`/api/taxi/driver/bookings/${a.id}/pickup`, ctx.device(1))).status).toBe(401);
    expect((await row(a.id)).status).toBe('booked');
  });
});

describe('watching', () => {
  it('a ride taken is a life sign of each watched rider', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    await enrollResident(ctx.db, { residentId: hanako! }, 1, ctx.clock.now());
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const driver = await loginDriverOf(ctx, (await row(b.id)).vehicleId);
    const at = (await row(b.id)).pickupFrom;
    ctx.clock.set(at);
    expect((await post(`/api/taxi/driver/bookings/${b.id}/pickup`, driver)).status).toBe(200);
    const presence = await ctx.db
      .select()
      .from(watchPresence)
      .where(eq(watchPresence.residentId, hanako!))
      .all();
    expect(presence).toContainEqual(expect.objectContaining({ slot: Math.floor(at.getTime() / 900_000) }));
  });
});

describe('fares by category and channel', () => {
  it('a configured TV discount makes TV bookings cheaper than the call centre', async () => {
    await saveTaxiSettings(
      ctx.db,
      {
        ...defaultTaxiSettings,
        fares: { ...defaultTaxiSettings.fares, channelDiscount: { tv: 200, call_centre: 0 } },
      },
      ctx.clock.now(),
    );
    const [sachiko] = await residentsOf(ctx, 3);
    const [hanako] = await residentsOf(ctx, 1);
    const tv = await accepted(ctx, 3, { riderIds: [sachiko!], time: '10:30' });
    expect(tv.fareTotalYen).toBe(300);
    const tvReturnee = await accepted(ctx, 1, { riderIds: [hanako!], time: '11:00' });
    expect(tvReturnee.fareTotalYen).toBe(50);

    const cc = await ctx.login('callcentre');
    const res = await ctx.json(
      'POST',
      '/api/taxi/staff/households/3/bookings',
      {
        idempotencyKey: 'phone-call-0001',
        riderIds: [sachiko],
        from: { kind: 'home' },
        to: { kind: 'place', placeId: await placeId(ctx, '長谷診療所') },
        timeKind: 'arrive_by',
        time: '13:00',
      },
      cc,
    );
    const body = (await res.json()) as { booking: BookingView };
    expect(body.booking.fareTotalYen).toBe(500);
    expect(body.booking.channel).toBe('call_centre');
  });
});

describe('call centre', () => {
  it('books, changes and cancels for a resident who phones; a change keeps the old booking when refused', async () => {
    const cc = await ctx.login('callcentre');
    const [sachiko] = await residentsOf(ctx, 3);
    const input = async (time: string, key: string) => ({
      idempotencyKey: key,
      riderIds: [sachiko],
      from: { kind: 'home' },
      to: { kind: 'place', placeId: await placeId(ctx, '長谷診療所') },
      timeKind: 'arrive_by',
      time,
    });
    const res = await ctx.json(
      'POST',
      '/api/taxi/staff/households/3/bookings',
      await input('10:30', 'cc-1-abcdef'),
      cc,
    );
    const made = (await res.json()) as { booking: BookingView };
    expect(res.status, JSON.stringify(made)).toBe(200);
    const changed = await ctx.json(
      'POST',
      `/api/taxi/staff/bookings/${made.booking.id}/change`,
      await input('12:00', 'cc-2-abcdef'),
      cc,
    );
    const ch = (await changed.json()) as { status: string; booking: BookingView };
    expect(ch.status).toBe('accepted');
    expect((await row(made.booking.id)).status).toBe('cancelled');
    expect(ch.booking.requestedTime).toBe('12:00');

    const bad = await ctx.json(
      'POST',
      `/api/taxi/staff/bookings/${ch.booking.id}/change`,
      await input('16:00', 'cc-3-abcdef'),
      cc,
    );
    expect(bad.status).toBe(422);
    expect((await row(ch.booking.id)).status).toBe('booked');

    expect((await post(`/api/taxi/staff/bookings/${ch.booking.id}/cancel`, cc)).status).toBe(200);
    expect((await row(ch.booking.id)).status).toBe('cancelled');
    // a driver may not use the call-centre routes
    const driver = await ctx.login('driver');
    expect((await post(`/api/taxi/staff/bookings/${ch.booking.id}/cancel`, driver)).status).toBe(403);
  });
});

describe('city view', () => {
  it('shows the day per vehicle and its figures', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const [sachiko] = await residentsOf(ctx, 3);
    const a = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const b = await accepted(ctx, 3, { riderIds: [sachiko!], time: '10:30' });
    const driver = await loginDriverOf(ctx, (await row(a.id)).vehicleId);
    for (const id of [a.id, b.id]) {
      ctx.clock.set(Math.max(ctx.clock.now().getTime(), (await row(id)).plannedPickupAt.getTime()));
      await post(`/api/taxi/driver/bookings/${id}/pickup`, driver);
    }
    for (const id of [a.id, b.id]) {
      ctx.clock.set(Math.max(ctx.clock.now().getTime(), (await row(id)).plannedDropoffAt.getTime()));
      await post(`/api/taxi/driver/bookings/${id}/dropoff`, driver);
    }
    const city = await ctx.login('city');
    const plan = (await (await ctx.request('/api/taxi/city/day', { headers: city })).json()) as DayPlan;
    expect(plan.vehicles).toHaveLength(3);
    const vehicleOfA = (await row(a.id)).vehicleId;
    expect(plan.vehicles.find((v) => v.id === vehicleOfA)!.stops).toHaveLength(4);
    expect(plan.figures.rides).toBe(2);
    expect(plan.figures.riders).toBe(2);
    expect(plan.figures.sharedRideShare).toBe(1);
    expect(plan.figures.onTimeShare).toBe(1);
    expect(plan.figures.ridersPerVehicleHour).toBeCloseTo(2 / 7, 3);
    expect(plan.figures.meanDetour).toBeGreaterThanOrEqual(0);
  });
});
