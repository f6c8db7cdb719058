import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taxiBookings } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import type { BookingOptions } from './get-booking-options';
import { defaultTaxiSettings, saveTaxiSettings } from './taxi-settings';
import { accepted, bookOnTv, newKey, placeId, residentsOf, TUESDAY_0930 } from './test-support';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const HOUSEHOLD_UNDER_65 = 18; // 原 隆, born 1965, no registered condition
const HOUSEHOLD_DISABLED_UNDER_65 = 19; // 城取 弘, born 1962, disabled

describe('GET /api/taxi/options', () => {
  it('tells the TV who may ride (with the reason in Japanese for others), never a birth date', async () => {
    const res = await ctx.request('/api/taxi/options', { headers: ctx.device(HOUSEHOLD_UNDER_65) });
    const text = await res.text();
    expect(text).not.toContain('1965');
    const o = JSON.parse(text) as BookingOptions;
    expect(o.residents).toMatchObject([{ eligible: false, message: expect.stringContaining('65歳以上') }]);
    expect(o.open).toBe(true);
  });

  it('offers favourites first, then the common places, and 15-minute times from now + notice', async () => {
    const o = (await (
      await ctx.request('/api/taxi/options', { headers: ctx.device(1) })
    ).json()) as BookingOptions;
    expect(o.destinations.slice(0, 2).map((d) => [d.name, d.favourite])).toEqual([
      ['長谷診療所', true],
      ['高遠食彩館（スーパー）', true],
    ]);
    expect(
      o.destinations
        .slice(2)
        .every((d) => ['hospital', 'clinic', 'supermarket', 'city_hall', 'station'].includes(d.kind)),
    ).toBe(true);
    expect(o.times[0]).toBe('10:00');
    expect(o.times.at(-1)).toBe('15:00');
    expect(o.residents[0]).toMatchObject({ eligible: true, fareYen: 250 });
  });
});

describe('POST /api/taxi/bookings — rules', () => {
  it('answers at once with a promised pickup window of the configured width and an arrival before the time asked', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const [fh, fm] = b.pickupFrom.split(':').map(Number) as [number, number];
    const [th, tm] = b.pickupTo.split(':').map(Number) as [number, number];
    expect(th * 60 + tm - (fh * 60 + fm)).toBeLessThanOrEqual(defaultTaxiSettings.pickupWindowMinutes);
    expect(b.expectedArrival <= '10:30').toBe(true);
    expect(b.pickupFrom >= '10:00').toBe(true);
    expect(b.statusLabel).toBe('予約済み');
    expect(b.fareTotalYen).toBe(250); // licence returned
  });

  it('refuses a resident who is not eligible, explains why in Japanese, and writes nothing', async () => {
    const before = tableCounts(ctx);
    const [taka] = await residentsOf(ctx, HOUSEHOLD_UNDER_65);
    const r = await bookOnTv(ctx, HOUSEHOLD_UNDER_65, { riderIds: [taka!], time: '10:30' });
    expect(r.res.status).toBe(422);
    expect(r.body.error!.code).toBe('not_eligible');
    expect(r.body.error!.message).toContain('65歳以上');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('lets a registered disabled resident under 65 book, at the disabled fare', async () => {
    const [hiromu] = await residentsOf(ctx, HOUSEHOLD_DISABLED_UNDER_65);
    const b = await accepted(ctx, HOUSEHOLD_DISABLED_UNDER_65, { riderIds: [hiromu!], time: '11:00' });
    expect(b.fareTotalYen).toBe(250);
  });

  it('a box books only for its own residents (another household’s resident is "not found")', async () => {
    const [other] = await residentsOf(ctx, 2);
    const before = tableCounts(ctx);
    const r = await bookOnTv(ctx, 1, { riderIds: [other!], time: '10:30' });
    expect(r.res.status).toBe(404);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('takes only 15-minute steps', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '10:10' });
    expect(r.res.status).toBe(422);
    expect(r.body.error!.code).toBe('not_a_step');
  });

  it('keeps to service hours in Asia/Tokyo although the machine clock is UTC', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    for (const time of ['08:45', '15:15']) {
      const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time });
      expect(r.res.status).toBe(422);
      expect(r.body.error!.code).toBe('outside_hours');
      expect(r.body.error!.message).toContain('9:00'.padStart(5, '0'));
    }
    // 23:30 UTC on the 24th is 08:30 on Wednesday the 25th in Tokyo: today's first slot is 09:00.
    ctx.clock.set('2026-11-24T23:30:00Z');
    const early = await accepted(ctx, 1, { riderIds: [hanako!], time: '09:00', timeKind: 'leave_after' });
    expect(early.serviceDate).toBe('2026-11-25');
  });

  it('uses an area’s own hours when configured', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const areaHours = { '1': { weekdays: [2], start: '10:00', end: '12:00', closedOnHolidays: true } };
    await saveTaxiSettings(ctx.db, { ...defaultTaxiSettings, areaHours }, ctx.clock.now());
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '13:00' });
    expect(r.body.error!.code).toBe('outside_hours');
    expect(r.body.error!.message).toContain('10:00〜12:00');
    await accepted(ctx, 1, { riderIds: [hanako!], time: '11:45' });
  });

  it('is closed on weekends and national holidays (Tokyo dates)', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    for (const at of ['2026-11-23T00:30:00Z', '2026-11-28T00:30:00Z']) {
      ctx.clock.set(at); // 勤労感謝の日 (Monday) and a Saturday, 09:30 in Tokyo
      const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '11:00' });
      expect(r.res.status).toBe(422);
      expect(r.body.error!.code).toBe('closed_today');
    }
  });

  it('needs the minimum notice (default 30 min, configurable) and names the earliest time that works', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '09:45' });
    expect(r.res.status).toBe(422);
    expect(r.body.error!.code).toBe('too_soon');
    expect(r.body.error!.message).toContain('10:00');
    await accepted(ctx, 1, { riderIds: [hanako!], time: '10:00', timeKind: 'leave_after' });

    await saveTaxiSettings(ctx.db, { ...defaultTaxiSettings, minNoticeMinutes: 60 }, ctx.clock.now());
    const late = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '10:15' });
    expect(late.body.error!.code).toBe('too_soon');
    expect(late.body.error!.message).toContain('10:30');
  });

  it('is idempotent by key: resending the same request returns the first booking and books once', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const idempotencyKey = newKey();
    const first = await accepted(ctx, 1, { idempotencyKey, riderIds: [hanako!], time: '10:30' });
    const again = await accepted(ctx, 1, { idempotencyKey, riderIds: [hanako!], time: '10:30' });
    expect(again.id).toBe(first.id);
    expect(await ctx.db.select().from(taxiBookings).all()).toHaveLength(1);
  });

  it('answers a resent key with the booking as it is now: a cancelled booking is reported cancelled, not a pickup', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const idempotencyKey = newKey();
    const first = await accepted(ctx, 1, { idempotencyKey, riderIds: [hanako!], time: '10:30' });
    const cancel = await ctx.json('POST', `/api/taxi/bookings/${first.id}/cancel`, {}, ctx.device(1));
    expect(cancel.status).toBe(200);
    const before = tableCounts(ctx);

    const again = await bookOnTv(ctx, 1, { idempotencyKey, riderIds: [hanako!], time: '10:30' });
    expect(again.res.status).toBe(200);
    expect(again.body.status).toBe('cancelled');
    expect(again.body.booking).toMatchObject({ id: first.id, status: 'cancelled', cancellable: false });
    expect(again.body.message).toContain('取り消');
    expect(again.body.message).not.toContain('お迎えに行きます');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('limits a car to 3 passengers per booking', async () => {
    const [masao, kazuko] = await residentsOf(ctx, 2);
    const r = await bookOnTv(ctx, 2, { riderIds: [masao!, kazuko!], companions: 2, time: '10:30' });
    expect(r.res.status).toBe(422);
    expect(r.body.error!.code).toBe('too_many_passengers');
  });

  it('refuses when the cars are full, with the nearest requested times that would work', async () => {
    let refusal: Awaited<ReturnType<typeof bookOnTv>>['body'] | undefined;
    const far = { kind: 'place' as const, placeId: await placeId(ctx, '伊那北駅') };
    for (let h = 1; h <= 19 && !refusal; h++) {
      const [rider] = await residentsOf(ctx, h);
      const r = await bookOnTv(ctx, h, { riderIds: [rider!], companions: 2, to: far, time: '10:30' });
      if (r.res.status === 200 && r.body.status === 'refused') refusal = r.body;
    }
    expect(refusal).toBeDefined();
    expect(refusal!.message).toMatch(/車がいっぱい|間に合いません/);
    expect(refusal!.alternatives.length).toBeGreaterThan(0);
    expect(refusal!.alternatives.every((t) => /^\d\d:(00|15|30|45)$/.test(t) && t >= '10:00')).toBe(true);
  });

  it('pools a second household into the same car when that saves distance', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const [sachiko] = await residentsOf(ctx, 3); // same hamlet, same clinic, same time
    const a = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const b = await accepted(ctx, 3, { riderIds: [sachiko!], time: '10:30' });
    expect(b.vehicleName).toBe(a.vehicleName);
    const rows = await ctx.db.select().from(taxiBookings).all();
    expect(new Set(rows.map((r) => r.vehicleId)).size).toBe(1);
  });

  it('books the way back in the same flow, linked to the outbound ride', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const clinic = { kind: 'place' as const, placeId: await placeId(ctx, '長谷診療所') };
    const out = await accepted(ctx, 1, { riderIds: [hanako!], time: '10:30' });
    const back = await accepted(ctx, 1, {
      riderIds: [hanako!],
      from: clinic,
      to: { kind: 'home' },
      timeKind: 'leave_after',
      time: '11:30',
      returnOf: out.id,
    });
    expect(back.returnOfId).toBe(out.id);
    expect(back.toLabel).toBe('自宅');
    expect(back.fromLabel).toBe('長谷診療所');
    expect(back.pickupFrom >= '11:30').toBe(true);
  });

  it('does not let a box link a return to another household’s booking', async () => {
    const [sachiko] = await residentsOf(ctx, 3);
    const [hanako] = await residentsOf(ctx, 1);
    const other = await accepted(ctx, 3, { riderIds: [sachiko!], time: '10:30' });
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '11:30', returnOf: other.id });
    expect(r.res.status).toBe(404);
    expect(
      await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 1)).all(),
    ).toHaveLength(0);
  });
});
