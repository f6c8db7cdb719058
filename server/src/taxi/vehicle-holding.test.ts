import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driverVehicles, staffUsers, taxiBookings } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import type { Manifest } from './get-manifest';
import { accepted, residentsOf, TUESDAY_0930 } from './test-support';

/** The demo seed gives vehicle 1 to `driver`, 2 to `driver-2`, 3 to `driver-3`. */
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const staffId = async (loginId: string) =>
  (await ctx.db.select().from(staffUsers).where(eq(staffUsers.loginId, loginId)).get())!.id;
const holderOf = async (vehicleId: number) =>
  (await ctx.db.select().from(driverVehicles).where(eq(driverVehicles.vehicleId, vehicleId)).get())
    ?.staffId ?? null;
const take = (cookie: Record<string, string>, vehicleId: number) =>
  ctx.json('PUT', '/api/taxi/driver/vehicle', { vehicleId }, cookie);
const handBack = (cookie: Record<string, string>) =>
  ctx.request('/api/taxi/driver/vehicle', { method: 'DELETE', headers: cookie });
const manifestVehicle = async (cookie: Record<string, string>) =>
  ((await (await ctx.request('/api/taxi/driver/manifest', { headers: cookie })).json()) as Manifest | null)
    ?.vehicle?.id ?? null;

/** A booking on vehicle `vehicleId` (the planner chooses the vehicle; try households until it does). */
async function rideOn(vehicleId: number) {
  for (let box = 1; box <= 12; box++) {
    const [rider] = await residentsOf(ctx, box);
    const b = await accepted(ctx, box, { riderIds: [rider!], time: '10:30' });
    const row = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!;
    if (row.vehicleId === vehicleId) return row;
  }
  throw new Error(`no booking landed on vehicle ${vehicleId}`);
}

describe('one driver per vehicle', () => {
  it('refuses to let a driver take a vehicle another driver holds (409), and writes nothing', async () => {
    const driver = await ctx.login('driver');
    const before = tableCounts(ctx);
    const res = await take(driver, 2);
    expect(res.status).toBe(409);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('vehicle_in_use');
    expect(error.message).toContain('車田 次郎さんが運転中です');
    expect(tableCounts(ctx)).toEqual(before);
    expect(await holderOf(2)).toBe(await staffId('driver-2'));
    expect(await manifestVehicle(driver)).toBe(1);
  });

  it('refuses the ride actions of a vehicle the driver does not hold, even after trying to take it', async () => {
    const ride = await rideOn(2);
    const driver = await ctx.login('driver');
    expect((await take(driver, 2)).status).toBe(409);
    ctx.clock.set(ride.pickupFrom);
    const before = tableCounts(ctx);
    const res = await ctx.request(`/api/taxi/driver/bookings/${ride.id}/pickup`, {
      method: 'POST',
      headers: driver,
    });
    expect(res.status).toBe(403);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('lets a driver take a vehicle once its driver has handed it back', async () => {
    const driver = await ctx.login('driver');
    const driver2 = await ctx.login('driver-2');
    expect((await handBack(driver2)).status).toBe(200);
    expect(await holderOf(2)).toBeNull();
    expect(await manifestVehicle(driver2)).toBeNull();
    expect((await take(driver, 2)).status).toBe(200);
    expect(await holderOf(2)).toBe(await staffId('driver'));
    // Taking another vehicle hands back the one held before.
    expect(await holderOf(1)).toBeNull();
    expect((await take(driver2, 1)).status).toBe(200);
    // Handing back twice is harmless.
    expect((await handBack(driver2)).status).toBe(200);
    expect((await handBack(driver2)).status).toBe(200);
  });

  it('lets an admin reassign a held vehicle; the former holder can no longer act on its rides', async () => {
    const ride = await rideOn(2);
    const admin = await ctx.login('admin');
    const city = await ctx.login('city');
    const body = { staffId: await staffId('driver') };
    const before = tableCounts(ctx);
    expect((await ctx.json('PUT', '/api/taxi/vehicles/2/driver', body, city)).status).toBe(403);
    expect(
      (await ctx.json('PUT', '/api/taxi/vehicles/2/driver', body, await ctx.login('driver'))).status,
    ).toBe(403);
    expect(
      (await ctx.json('PUT', '/api/taxi/vehicles/2/driver', { staffId: await staffId('city') }, admin))
        .status,
    ).toBe(422);
    expect({ ...tableCounts(ctx), staff_sessions: 0, audit_log: 0 }).toEqual({
      ...before,
      staff_sessions: 0,
      audit_log: 0,
    });
    expect((await ctx.json('PUT', '/api/taxi/vehicles/2/driver', body, admin)).status).toBe(200);
    expect(await holderOf(2)).toBe(await staffId('driver'));
    ctx.clock.set(ride.pickupFrom);
    const driver2 = await ctx.login('driver-2');
    const res = await ctx.request(`/api/taxi/driver/bookings/${ride.id}/pickup`, {
      method: 'POST',
      headers: driver2,
    });
    expect(res.status).toBe(403);
    const driver = await ctx.login('driver');
    expect(
      (await ctx.request(`/api/taxi/driver/bookings/${ride.id}/pickup`, { method: 'POST', headers: driver }))
        .status,
    ).toBe(200);
  });

  it('makes one driver per vehicle a database constraint', async () => {
    await expect(
      (async () =>
        ctx.sqlite
          .prepare('UPDATE driver_vehicles SET vehicle_id = 2 WHERE staff_id = ?')
          .run(await staffId('driver')))(),
    ).rejects.toThrow(/UNIQUE/);
  });
});

describe('one driver per vehicle on the console', () => {
  const form = (cookie: Record<string, string>, path: string, fields: Record<string, string> = {}) =>
    ctx.request(path, {
      method: 'POST',
      headers: { ...cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('refuses a held vehicle with the Japanese message, hands back, and lets an admin reassign', async () => {
    const driver = await ctx.login('driver');
    const driver2 = await ctx.login('driver-2');
    const page = await (await ctx.request('/console/taxi/driver', { headers: driver })).text();
    expect(page).toContain('運転中：車田 次郎');

    const before = tableCounts(ctx);
    const refused = await form(driver, '/console/taxi/driver/vehicle', { vehicleId: '2' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(await refused.text()).toContain('車田 次郎さんが運転中です');
    expect(tableCounts(ctx)).toEqual(before);

    expect((await form(driver2, '/console/taxi/driver/vehicle/return')).status).toBe(303);
    expect(await holderOf(2)).toBeNull();
    expect((await form(driver, '/console/taxi/driver/vehicle', { vehicleId: '2' })).status).toBe(303);
    expect(await holderOf(2)).toBe(await staffId('driver'));

    const admin = await ctx.login('admin');
    expect(
      (await form(driver, '/console/taxi/vehicles/2/driver', { staffId: String(await staffId('driver-2')) }))
        .status,
    ).toBe(403);
    const moved = await form(admin, '/console/taxi/vehicles/2/driver', {
      staffId: String(await staffId('driver-2')),
    });
    expect(moved.status).toBe(303);
    expect(await holderOf(2)).toBe(await staffId('driver-2'));
  });
});
