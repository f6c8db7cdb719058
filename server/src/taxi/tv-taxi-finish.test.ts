import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taxiBookings } from '../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import type { BookingView } from './booking-view';
import type { FarePreview } from './fare-preview';
import type { BookingOptions } from './get-booking-options';
import type { RideStatus } from './get-ride-status';
import type { Departure } from './record-departure';
import { bookingDay, serviceTimesText } from './service-day';
import { defaultTaxiSettings } from './taxi-settings';
import { accepted, bookOnTv, loginDriverOf, residentsOf, TUESDAY_0930 } from './test-support';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const hours = defaultTaxiSettings.hours; // weekdays 09:00–15:00, closed on holidays
/** A Tokyo wall-clock time as an instant. */
const tokyo = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const get = async <T>(path: string, headers: Record<string, string>) =>
  (await (await ctx.request(path, { headers })).json()) as T;

describe('the day the TV books (injected clock)', () => {
  it('is today while a time is still bookable', () => {
    expect(bookingDay(hours, 30, tokyo('2026-11-27', '10:00'))).toMatchObject({
      date: '2026-11-27',
      today: true,
    });
  });

  it('tells a weekday evening apart from a day without service', async () => {
    ctx.clock.set(tokyo('2026-11-27', '18:00'));
    const o = await get<BookingOptions>('/api/taxi/options', ctx.device(1));
    expect(o.dayNote).toBe('今日の予約は終わりました。次の運行日は11月30日(月)です。');
    ctx.clock.set(TUESDAY_0930);
    expect((await get<BookingOptions>('/api/taxi/options', ctx.device(1))).dayNote).toBeNull();
  });

  it('Friday evening → Monday, with every time of the day', () => {
    const d = bookingDay(hours, 30, tokyo('2026-11-27', '18:00'))!;
    expect(d).toMatchObject({ date: '2026-11-30', today: false });
    expect([d.times[0], d.times.at(-1)]).toEqual(['09:00', '15:00']);
  });

  it('Saturday (any hour) → Monday', () => {
    expect(bookingDay(hours, 30, tokyo('2026-11-28', '10:00'))?.date).toBe('2026-11-30');
    expect(bookingDay(hours, 30, tokyo('2026-11-28', '20:00'))?.date).toBe('2026-11-30');
  });

  it('skips a national holiday: Friday evening before 勤労感謝の日 (Mon 23 Nov) → Tuesday', () => {
    expect(bookingDay(hours, 30, tokyo('2026-11-20', '18:00'))?.date).toBe('2026-11-24');
    expect(bookingDay(hours, 30, tokyo('2026-11-23', '10:00'))?.date).toBe('2026-11-24');
  });

  it('says plainly when the service runs', () => {
    expect(serviceTimesText(hours)).toBe('月〜金曜日（祝日は休み）の09:00〜15:00');
    expect(serviceTimesText({ ...hours, weekdays: [1, 3, 5], closedOnHolidays: false })).toBe(
      '月・水・金曜日の09:00〜15:00',
    );
  });
});

describe('booking the next service day from the TV', () => {
  const SATURDAY_EVENING = '2026-11-28T09:00:00Z'; // 18:00 in Tokyo

  it('offers Monday with its times and the service hours, and books it', async () => {
    ctx.clock.set(SATURDAY_EVENING);
    const o = await get<BookingOptions>('/api/taxi/options', ctx.device(1));
    expect(o).toMatchObject({ open: true, today: false, date: '2026-11-30', dayLabel: '11月30日(月)' });
    expect(o.times[0]).toBe('09:00');
    expect(o.serviceText).toBe('運行は月〜金曜日（祝日は休み）の09:00〜15:00です。');
    expect(o.dayNote).toBe('今日は運行日ではありません。次の運行日は11月30日(月)です。');

    const [hanako] = await residentsOf(ctx, 1);
    const r = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '10:00', date: o.date });
    expect(r.body.status).toBe('accepted');
    expect(r.body.booking).toMatchObject({ serviceDate: '2026-11-30', dayLabel: '11月30日(月)' });
    expect(r.body.message).toMatch(/^11月30日\(月\)の/);
  });

  it('refuses any other day (a later one, or a next day while today is still open) and writes nothing', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    ctx.clock.set(SATURDAY_EVENING);
    const before = tableCounts(ctx);
    const late = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '10:00', date: '2026-12-01' });
    expect(late.res.status).toBe(422);
    expect(late.body.error).toMatchObject({
      code: 'day_not_bookable',
      message: expect.stringContaining('11月30日'),
    });
    ctx.clock.set(TUESDAY_0930);
    const early = await bookOnTv(ctx, 1, { riderIds: [hanako!], time: '10:00', date: '2026-11-25' });
    expect(early.body.error?.code).toBe('day_not_bookable');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it("leaves the call centre's options on today (its form books today only)", async () => {
    ctx.clock.set(SATURDAY_EVENING);
    const cc = await ctx.login('callcentre');
    const o = await get<BookingOptions>('/api/taxi/staff/households/1/options', cc);
    expect(o).toMatchObject({ open: false, today: true, date: '2026-11-28' });
    expect(o.closedMessage).toContain('運行は月〜金曜日');
  });
});

describe('the fare before booking', () => {
  it('is the sum of the riders’ fares by the booking’s own rule, companions free', async () => {
    const [masao, kazuko] = await residentsOf(ctx, 2);
    const o = await get<BookingOptions>('/api/taxi/options', ctx.device(2));
    const f = await get<FarePreview>(`/api/taxi/fare?riderIds=${masao},${kazuko}`, ctx.device(2));
    const expected = o.residents.reduce((a, r) => a + r.fareYen, 0);
    expect(f.totalYen).toBe(expected);
    expect(f.text).toBe(`料金は2人で${expected.toLocaleString('ja-JP')}円です。付き添いの方は無料です。`);
    const b = await accepted(ctx, 2, { riderIds: [masao!, kazuko!], companions: 1, time: '10:30' });
    expect(b.fareTotalYen).toBe(f.totalYen);
  });

  it("is not told for another household's resident (404)", async () => {
    const [other] = await residentsOf(ctx, 2);
    const res = await ctx.request(`/api/taxi/fare?riderIds=${other}`, { headers: ctx.device(1) });
    expect(res.status).toBe(404);
  });
});

describe('the bookings list', () => {
  it('puts the next ride first: rides to come by pickup time, then the cancelled and finished ones', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const late = await accepted(ctx, 1, { riderIds: [hanako!], time: '14:00' });
    const soon = await accepted(ctx, 1, { riderIds: [hanako!], time: '11:00' });
    const gone = await accepted(ctx, 1, { riderIds: [hanako!], time: '12:00' });
    await ctx.json('POST', `/api/taxi/bookings/${gone.id}/cancel`, {}, ctx.device(1));
    const list = await get<{ bookings: BookingView[] }>('/api/taxi/bookings', ctx.device(1));
    expect(list.bookings.map((b) => b.id)).toEqual([soon.id, late.id, gone.id]);
    expect(list.bookings[0]!.dayLabel).toBe('今日');
  });
});

describe('the taxi on its way', () => {
  it('after the driver sets off, the household (only it) hears the minutes until the pickup; gone once picked up', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '11:00' });
    const row = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!;
    expect((await get<RideStatus>('/api/taxi/rides/status', ctx.device(1))).onItsWay).toEqual([]);

    const driver = await loginDriverOf(ctx, row.vehicleId);
    ctx.clock.set(row.pickupFrom.getTime() - 10 * 60_000);
    const res = await ctx.json('POST', `/api/taxi/driver/bookings/${b.id}/depart`, {}, driver);
    expect(res.status).toBe(200);
    const d = (await res.json()) as Departure;
    expect(d.minutes).toBeGreaterThan(0);
    const again = (await (
      await ctx.json('POST', `/api/taxi/driver/bookings/${b.id}/depart`, {}, driver)
    ).json()) as Departure;
    expect(again.pickupEta).toBe(d.pickupEta); // a second tap changes nothing

    const status = await get<RideStatus>('/api/taxi/rides/status', ctx.device(1));
    expect(status.onItsWay).toEqual([
      {
        bookingId: b.id,
        minutes: d.minutes,
        message: `タクシーが向かっています（あと約${d.minutes}分）`,
        place: '自宅',
      },
    ]);
    expect((await get<RideStatus>('/api/taxi/rides/status', ctx.device(2))).onItsWay).toEqual([]);

    ctx.clock.advance(60_000);
    const later = await get<RideStatus>('/api/taxi/rides/status', ctx.device(1));
    expect(later.onItsWay[0]!.minutes).toBe(Math.max(1, d.minutes - 1));

    expect((await ctx.json('POST', `/api/taxi/driver/bookings/${b.id}/pickup`, {}, driver)).status).toBe(200);
    expect((await get<RideStatus>('/api/taxi/rides/status', ctx.device(1))).onItsWay).toEqual([]);
  });

  it('a box cannot report a departure (staff only), and a ride that is over cannot depart', async () => {
    const [hanako] = await residentsOf(ctx, 1);
    const b = await accepted(ctx, 1, { riderIds: [hanako!], time: '11:00' });
    const asBox = await ctx.json('POST', `/api/taxi/driver/bookings/${b.id}/depart`, {}, ctx.device(1));
    expect(asBox.status).toBeGreaterThanOrEqual(400);
    expect(asBox.status).toBeLessThan(500);
    await ctx.json('POST', `/api/taxi/bookings/${b.id}/cancel`, {}, ctx.device(1));
    const row = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!;
    const driver = await loginDriverOf(ctx, row.vehicleId);
    const res = await ctx.json('POST', `/api/taxi/driver/bookings/${b.id}/depart`, {}, driver);
    expect(res.status).toBe(422);
  });
});
