import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { hamlets, households, places, residents, taxiBookings } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { notFound, unprocessable } from '../lib/errors';
import { formatJaDate, tokyoDate, TokyoDateSchema } from '../lib/tokyo';
import { bookRide, reoptimizePlan } from './solver/index';
import { liveSlots } from './solver/index';
import { BookingViewSchema, isCancellable, viewBooking, type BookingView } from './booking-view';
import { checkEligibility, NOT_ELIGIBLE_MESSAGE } from './check-eligibility';
import { computeFare, type BookingChannel } from './compute-fare';
import { loadDispatchDay, writeBackPlan, type BookingRow } from './load-dispatch-day';
import {
  allServiceTimes,
  atMinute,
  bookableTimes,
  bookingDay,
  formatMinutes,
  hoursForArea,
  isServiceDay,
  minutesOfDay,
  toMinutes,
} from './service-day';
import { getTaxiSettings } from './taxi-settings';

const Endpoint = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('home') }),
    z.object({ kind: z.literal('place'), placeId: z.number().int().positive() }),
  ])
  .openapi('TaxiEndpoint');

export const BookTaxiInput = z
  .object({
    /** A new random key per booking attempt; resending it returns the first answer. */
    idempotencyKey: z.string().min(8).max(64),
    riderIds: z.array(z.number().int().positive()).min(1).max(3),
    /** Companions (付き添い) who are not registered riders; they ride free. */
    companions: z.number().int().min(0).max(2).default(0),
    from: Endpoint,
    to: Endpoint,
    timeKind: z.enum(['arrive_by', 'leave_after']),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
    /** The outbound booking this is the way back of. */
    returnOf: z.number().int().positive().optional(),
    /**
     * Tokyo date of the ride: today (the default) or, once today can no longer be booked, the next
     * service day that the options offered.
     */
    date: TokyoDateSchema.optional(),
  })
  .openapi('BookTaxiInput');
export type BookTaxiInput = z.infer<typeof BookTaxiInput>;

export const BookTaxiAnswerSchema = z
  .object({
    /** `cancelled` only answers a resent key whose booking has since been cancelled. */
    status: z.enum(['accepted', 'refused', 'cancelled']),
    booking: BookingViewSchema.optional(),
    /** Japanese, for the resident. */
    message: z.string(),
    reason: z.string().optional(),
    /** Requested times that would work now, nearest first ('HH:MM'). */
    alternatives: z.array(z.string()),
    /**
     * On a refusal: the earliest "arrive by" time ('HH:MM', on the 15-minute booking step) that
     * would be accepted now, e.g. when the trip would start before the service opens.
     */
    earliestArrival: z.string().optional(),
  })
  .openapi('BookTaxiAnswer');
export type BookTaxiAnswer = z.infer<typeof BookTaxiAnswerSchema>;

export interface BookTaxiContext {
  householdId: number;
  channel: BookingChannel;
  actor: Actor;
  staffId?: number;
  /** Call centre change: the booking this one replaces (cancelled only if the new one is accepted). */
  replaces?: BookingRow;
}

const REFUSAL_MESSAGES: Record<string, string> = {
  'no-capacity': 'その時刻は車がいっぱいです。',
  'too-late': 'その時刻には間に合いません。',
  'outside-hours': '運行時間の外です。',
  'too-many-passengers': '一台に乗れる人数を超えています。',
};

async function resolveEndpoint(db: Db, e: z.infer<typeof Endpoint>, home: { lat: number; lon: number }) {
  if (e.kind === 'home') return { label: '自宅', lat: home.lat, lon: home.lon, placeId: null };
  const p = await db.select().from(places).where(eq(places.id, e.placeId)).get();
  if (!p) throw notFound('Place');
  return { label: p.name, lat: p.lat, lon: p.lon, placeId: p.id };
}

/** 「09:00〜09:10」, or 「09:00」 when the promise has no width (a trip that just fits the hours). */
const pickupText = (b: BookingView) =>
  b.pickupFrom === b.pickupTo ? b.pickupFrom : `${b.pickupFrom}〜${b.pickupTo}`;

const accepted = (booking: BookingView): BookTaxiAnswer => ({
  status: 'accepted',
  booking,
  message: `${booking.dayLabel === '今日' ? '' : `${booking.dayLabel}の`}${pickupText(booking)}にお迎えに行きます。到着は${booking.expectedArrival}ごろです。`,
  alternatives: [],
});

/**
 * A resent key answers with the booking as it stands now: a client that retries after the booking
 * was cancelled (or ridden) must not be told a car is coming.
 */
function resent(booking: BookingView): BookTaxiAnswer {
  switch (booking.status) {
    case 'booked':
    case 'en_route':
      return accepted(booking);
    case 'on_board':
      return {
        status: 'accepted',
        booking,
        message: `乗車中です。到着は${booking.expectedArrival}ごろです。`,
        alternatives: [],
      };
    case 'arrived':
      return { status: 'accepted', booking, message: 'この予約の乗車はもう終わりました。', alternatives: [] };
    case 'cancelled':
    case 'no_show':
      return {
        status: 'cancelled',
        booking,
        message: `この予約は取り消されています（${booking.statusLabel}）。`,
        alternatives: [],
      };
  }
}

/**
 * Books a shared ride for today (or, once today is over, the next service day). Rules first (ownership, eligibility, day, 15-minute step, hours,
 * notice), then the dispatcher answers at once: a promised pickup window, or a refusal with the
 * nearest requested times that would work. Synchronous from the database read to the write, so
 * no other booking can slip in between.
 */
export async function bookTaxi(
  db: Db,
  input: BookTaxiInput,
  ctx: BookTaxiContext,
  now: Date,
): Promise<BookTaxiAnswer> {
  const existing = await db
    .select()
    .from(taxiBookings)
    .where(
      and(
        eq(taxiBookings.householdId, ctx.householdId),
        eq(taxiBookings.idempotencyKey, input.idempotencyKey),
      ),
    )
    .get();
  if (existing) return resent(await viewBooking(db, existing, now));

  const home = await db
    .select({ lat: households.lat, lon: households.lon, areaId: hamlets.areaId })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, ctx.householdId))
    .get();
  if (!home) throw notFound('Household');
  const riderIds = [...new Set(input.riderIds)];
  const riders = await db.select().from(residents).where(inArray(residents.id, riderIds)).all();
  if (riders.length !== riderIds.length || riders.some((r) => r.householdId !== ctx.householdId)) {
    throw notFound('Resident');
  }
  const today = tokyoDate(now);
  const date = input.date ?? today;
  const refusedRider = riders.find((r) => !checkEligibility(r, date).eligible);
  if (refusedRider)
    throw unprocessable('not_eligible', `${refusedRider.name}さんは予約できません。${NOT_ELIGIBLE_MESSAGE}`);
  const passengers = riderIds.length + input.companions;
  if (passengers > 3) throw unprocessable('too_many_passengers', '一度に乗れるのは3人までです。');
  if (input.returnOf !== undefined) {
    const out = await db.select().from(taxiBookings).where(eq(taxiBookings.id, input.returnOf)).get();
    if (!out || out.householdId !== ctx.householdId) throw notFound('Booking');
  }
  const from = await resolveEndpoint(db, input.from, home);
  const to = await resolveEndpoint(db, input.to, home);
  if (from.lat === to.lat && from.lon === to.lon)
    throw unprocessable('same_place', '乗る場所と行き先が同じです。');

  const s = await getTaxiSettings(db);
  const hours = hoursForArea(s, home.areaId);
  if (date !== today) {
    // only the day the TV offers once today is over: never a past day, never weeks ahead
    const offered = bookingDay(hours, s.minNoticeMinutes, now);
    if (!offered || offered.today || offered.date !== date)
      throw unprocessable(
        'day_not_bookable',
        offered && !offered.today
          ? `予約できるのは次の運行日（${formatJaDate(offered.date)}）です。`
          : '予約できるのは今日の分です。',
      );
  }
  if (!isServiceDay(hours, date))
    throw unprocessable('closed_today', '今日は乗合タクシーの運行日ではありません。');
  const t = toMinutes(input.time);
  if (t % 15 !== 0) throw unprocessable('not_a_step', '時刻は15分きざみで選んでください。');
  const open = date === today ? bookableTimes(hours, s.minNoticeMinutes, now) : allServiceTimes(hours);
  const earliestText =
    open.length > 0 ? `いちばん早い予約は${open[0]}です。` : '今日の予約はもう締め切りました。';
  if (t < toMinutes(hours.start) || t > toMinutes(hours.end)) {
    throw unprocessable('outside_hours', `運行時間は${hours.start}〜${hours.end}です。${earliestText}`);
  }
  if (!open.includes(input.time)) {
    throw unprocessable('too_soon', `ご予約は${s.minNoticeMinutes}分前までにお願いします。${earliestText}`);
  }

  const day = await loadDispatchDay(db, s, home.areaId, date, now, ctx.replaces?.id);
  const newId = `new-${input.idempotencyKey}`;
  const pickup = { lat: from.lat, lng: from.lon };
  const dropoff = { lat: to.lat, lng: to.lon };
  const targets = liveSlots(day.state.table);
  const rows = day.rowsFor(
    [pickup, dropoff],
    targets.map((k) => day.state.table.points[k]!),
  );
  const nowMin = Math.max(0, minutesOfDay(date, now));
  const request = {
    id: newId,
    pickup,
    dropoff,
    passengers,
    kind: input.timeKind === 'arrive_by' ? ('arriveBy' as const) : ('leaveAfter' as const),
    time: t,
  };
  const travel = { targets, rows };
  const answer = bookRide(day.state, request, travel, nowMin);
  /**
   * The solver's earliest arrival lies on a 5-minute grid, a resident books on the 15-minute step:
   * the first step at or after it that is open and that the dispatcher accepts (tried on this
   * request's own copy of the day, which is never written back) is what the resident is offered.
   */
  const bookableArrival = (earliest: number, tryArrival: (time: number) => { status: string }) =>
    open
      .filter((o) => toMinutes(o) >= earliest && toMinutes(o) <= earliest + 120)
      .slice(0, 4)
      .find((o) => tryArrival(toMinutes(o)).status === 'accepted');
  if (answer.status === 'refused') {
    const alternatives = answer.alternatives.map(formatMinutes).filter((a) => open.includes(a));
    const alt = alternatives.length > 0 ? `${alternatives.join('、')}なら予約できます。` : earliestText;
    const earliestArrival =
      answer.earliestArrival === undefined
        ? undefined
        : bookableArrival(answer.earliestArrival, (time) =>
            bookRide(
              day.state,
              { ...request, id: `${newId}-earliest-${time}`, kind: 'arriveBy', time },
              travel,
              nowMin,
            ),
          );
    return {
      status: 'refused',
      reason: answer.reason,
      message: `${REFUSAL_MESSAGES[answer.reason] ?? '予約できませんでした。'}${alt}${
        earliestArrival ? `いちばん早い到着は ${earliestArrival} です。` : ''
      }`,
      alternatives,
      ...(earliestArrival ? { earliestArrival } : {}),
    };
  }
  if (s.reoptimizeMs > 0)
    reoptimizePlan(day.state, { seed: 1, clock: () => performance.now(), timeLimitMs: s.reoptimizeMs });
  const live = day.state.requests.get(newId)!;
  const p = answer.promise;
  const fares = Object.fromEntries(riders.map((r) => [String(r.id), computeFare(s.fares, r, ctx.channel)]));

  const row = await db.transaction(async (tx) => {
    if (ctx.replaces) {
      if (!isCancellable(ctx.replaces, now))
        throw unprocessable('not_cancellable', 'この予約はもう変更できません。');
      await tx
        .update(taxiBookings)
        .set({ status: 'cancelled', cancelledAt: now })
        .where(eq(taxiBookings.id, ctx.replaces.id))
        .run();
      await recordAudit(tx, now, ctx.actor, 'taxi.booking.replaced', 'taxi_booking', ctx.replaces.id);
    }
    const b = await tx
      .insert(taxiBookings)
      .values({
        householdId: ctx.householdId,
        residentId: riderIds[0]!,
        riderIds,
        passengers,
        channel: ctx.channel,
        idempotencyKey: input.idempotencyKey,
        serviceDate: date,
        timeKind: input.timeKind,
        requestedTime: input.time,
        pickupLabel: from.label,
        pickupLat: from.lat,
        pickupLon: from.lon,
        pickupPlaceId: from.placeId,
        dropoffLabel: to.label,
        dropoffLat: to.lat,
        dropoffLon: to.lon,
        dropoffPlaceId: to.placeId,
        vehicleId: Number(answer.vehicleId),
        pickupFrom: atMinute(date, p.pickupFrom),
        pickupTo: atMinute(date, p.pickupTo),
        expectedArrival: atMinute(date, p.expectedArrival),
        latestArrival: atMinute(date, p.latestArrival),
        plannedPickupAt: atMinute(date, p.pickupFrom),
        plannedDropoffAt: atMinute(date, p.expectedArrival),
        directMinutes: live.directMinutes,
        fares,
        status: 'booked',
        returnOfId: input.returnOf ?? null,
        createdByStaffId: ctx.staffId ?? null,
        createdAt: now,
      })
      .returning()
      .get();
    // the dispatcher knew the new ride by a temporary id until it had a row
    live.booking.id = String(b.id);
    day.state.requests.delete(newId);
    day.state.requests.set(String(b.id), live);
    day.state.owner[live.pickupNode] = day.state.owner[live.deliveryNode] = String(b.id);
    await writeBackPlan(tx, day);
    await recordAudit(tx, now, ctx.actor, 'taxi.booking.created', 'taxi_booking', b.id, {
      channel: ctx.channel,
    });
    return (await tx.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!;
  });
  return accepted(await viewBooking(db, row, now));
}
