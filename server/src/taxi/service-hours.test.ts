import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taxiBookings } from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { defaultTaxiSettings, saveTaxiSettings } from './taxi-settings';
import { accepted, bookOnTv, placeId, residentsOf } from './test-support';

// Wed 25 Nov 2026 08:00 in Tokyo (23:00 UTC the day before): 09:00 is still bookable.
const WEDNESDAY_0800 = '2026-11-24T23:00:00Z';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: WEDNESDAY_0800 });
});
afterEach(() => ctx.close());

const bookingsOf = async (householdId: number) =>
  await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, householdId)).all();

describe('service hours bound every pickup and drop-off (issue 18 part 5)', () => {
  it('refuses "arrive by 09:00" when the pickup would be before the 09:00 opening, and offers the earliest arrival that books', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '09:00' });
    expect(r.res.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'refused', reason: 'outside-hours' });
    const earliest = r.body.earliestArrival!;
    expect(earliest).toMatch(/^09:(15|30|45)$/);
    expect(r.body.message).toContain(`いちばん早い到着は ${earliest} です。`);
    expect(await bookingsOf(1)).toHaveLength(0);

    const ok = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: earliest });
    expect(ok.body.status).toBe('accepted');
    const b = ok.body.booking!;
    expect(b.pickupFrom >= '09:00').toBe(true);
    // the earliest arrival just fits: a window of no width is said as one time, not 09:00〜09:00
    expect(ok.body.message).not.toContain(`${b.pickupFrom}〜${b.pickupFrom}`);
    expect(ok.body.message).toMatch(/^09:\d\d(〜09:\d\d)?にお迎えに行きます。/);
    expect(b.expectedArrival <= earliest).toBe(true);
  });

  it('a grace of 15 minutes lets a pickup at 08:45–09:00 through; 0 refuses it', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const refused = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '09:00' });
    expect(refused.body.status).toBe('refused');

    await saveTaxiSettings(ctx.db, { ...defaultTaxiSettings, serviceGraceMinutes: 15 }, ctx.clock.now());
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '09:00' });
    const [row] = await bookingsOf(1);
    const pickupTokyo = new Date(row!.plannedPickupAt.getTime() + 9 * 3600_000).toISOString().slice(11, 16);
    expect(pickupTokyo < '09:00').toBe(true);
    expect(pickupTokyo >= '08:45').toBe(true);
    expect(b.expectedArrival <= '09:00').toBe(true);
  });

  it('refuses a grace outside 0–30 minutes', async () => {
    await expect(
      saveTaxiSettings(ctx.db, { ...defaultTaxiSettings, serviceGraceMinutes: 31 }, ctx.clock.now()),
    ).rejects.toThrow();
  });

  it('the call centre form shows staff the earliest arrival in the refusal flash', async () => {
    const cc = await ctx.login('callcentre');
    const [sachiko] = await residentsOf(ctx, 3);
    const params = new URLSearchParams({
      idempotencyKey: 'cc-earliest-0001',
      riderIds: String(sachiko),
      companions: '0',
      from: 'home',
      to: String(await placeId(ctx, '長谷診療所')),
      timeKind: 'arrive_by',
      time: '09:00',
    });
    const res = await ctx.request('/console/taxi/calls/households/3/book', {
      method: 'POST',
      headers: { ...cc, 'content-type': 'application/x-www-form-urlencoded' },
      body: params.toString(),
    });
    expect(res.status).toBe(303);
    const flash = decodeURIComponent(
      decodeURIComponent(/engawa_flash=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? ''),
    );
    expect(flash).toMatch(/いちばん早い到着は 09:\d\d です。/);
    expect(flash).toContain('"warning"');
    expect(await bookingsOf(3)).toHaveLength(0);
  });
});
