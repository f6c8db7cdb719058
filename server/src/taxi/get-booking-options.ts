import { z } from '@hono/zod-openapi';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, places, residents, taxiFavourites } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { formatJaDate, tokyoDate } from '../lib/tokyo';
import { checkEligibility, NOT_ELIGIBLE_MESSAGE } from './check-eligibility';
import { computeFare } from './compute-fare';
import { bookingDay, hoursForArea, isServiceDay, serviceTimesText } from './service-day';
import { getTaxiSettings } from './taxi-settings';

/** Kinds offered as common destinations on the TV (the list). */
const COMMON_KINDS = ['hospital', 'clinic', 'supermarket', 'city_hall', 'station'] as const;

export const BookingOptionsSchema = z
  .object({
    /** The day booked now: today while a time is left, else the next service day. */
    date: z.string(),
    /** Whether `date` is today. */
    today: z.boolean(),
    /** 「今日」 or 「12月7日(月)」, as the TV says it. */
    dayLabel: z.string(),
    /** When the service runs, in plain Japanese (「運行は月〜金曜日（祝日は休み）の09:00〜15:00です。」). */
    serviceText: z.string(),
    /** Why another day is booked: 「今日は運行日ではありません。次の運行日は11月30日(月)です。」; null for today. */
    dayNote: z.string().nullable(),
    open: z.boolean(),
    /** Japanese, when no booking can be made today. */
    closedMessage: z.string().nullable(),
    hours: z.object({ start: z.string(), end: z.string() }),
    minNoticeMinutes: z.number().int(),
    residents: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        eligible: z.boolean(),
        fareYen: z.number().int(),
        message: z.string().nullable(),
      }),
    ),
    destinations: z.array(
      z.object({ placeId: z.number().int(), name: z.string(), kind: z.string(), favourite: z.boolean() }),
    ),
    times: z.array(z.string()),
    maxPassengers: z.number().int(),
  })
  .openapi('TaxiBookingOptions');
export type BookingOptions = z.infer<typeof BookingOptionsSchema>;

/**
 * What the TV may offer this household now: who may ride (no birth dates leave the server), the
 * favourites then the common places, and the bookable 15-minute times of the day it books for:
 * today, or after the last booking time, at the weekend or on a holiday, the next service day.
 */
export async function getBookingOptions(
  db: DbOrTx,
  householdId: number,
  now: Date,
  /** The TV books the next service day when today is over; the call centre's form books today only. */
  { nextDay = false }: { nextDay?: boolean } = {},
): Promise<BookingOptions> {
  const h = await db
    .select({ areaId: hamlets.areaId })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, householdId))
    .get();
  if (!h) throw notFound('Household');
  const s = await getTaxiSettings(db);
  const hours = hoursForArea(s, h.areaId);
  const today = tokyoDate(now);
  const found = bookingDay(hours, s.minNoticeMinutes, now);
  const day = found && (found.today || nextDay) ? found : null;
  const date = day?.date ?? today;
  const rs = await db
    .select()
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .orderBy(residents.id)
    .all();
  const favs =
    rs.length === 0
      ? []
      : await db
          .select({ placeId: taxiFavourites.placeId })
          .from(taxiFavourites)
          .where(
            inArray(
              taxiFavourites.residentId,
              rs.map((r) => r.id),
            ),
          )
          .orderBy(asc(taxiFavourites.sort))
          .all();
  const favIds = [...new Set(favs.map((f) => f.placeId))];
  const all = await db.select().from(places).orderBy(places.id).all();
  const byId = new Map(all.map((p) => [p.id, p]));
  const destinations = [
    ...favIds.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ placeId: p.id, name: p.name, kind: p.kind, favourite: true }] : [];
    }),
    ...all
      .filter((p) => !favIds.includes(p.id) && (COMMON_KINDS as readonly string[]).includes(p.kind))
      .map((p) => ({ placeId: p.id, name: p.name, kind: p.kind, favourite: false })),
  ];
  const serviceText = `運行は${serviceTimesText(hours)}です。`;
  const closedMessage = day
    ? null
    : !isServiceDay(hours, today)
      ? `今日は乗合タクシーの運行日ではありません。${serviceText}`
      : `今日の予約は締め切りました。${serviceText}`;
  const times = day?.times ?? [];
  return {
    date,
    today: day?.today ?? true,
    dayLabel: !day || day.today ? '今日' : formatJaDate(day.date),
    serviceText,
    dayNote:
      day && !day.today
        ? `${isServiceDay(hours, today) ? '今日の予約は終わりました。' : '今日は運行日ではありません。'}次の運行日は${formatJaDate(day.date)}です。`
        : null,
    open: closedMessage === null,
    closedMessage,
    hours: { start: hours.start, end: hours.end },
    minNoticeMinutes: s.minNoticeMinutes,
    residents: rs.map((r) => {
      const eligible = checkEligibility(r, date).eligible;
      return {
        id: r.id,
        name: r.name,
        eligible,
        fareYen: computeFare(s.fares, r, 'tv'),
        message: eligible ? null : NOT_ELIGIBLE_MESSAGE,
      };
    }),
    destinations,
    times,
    maxPassengers: 3,
  };
}
