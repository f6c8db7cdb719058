import { z } from '@hono/zod-openapi';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { residents, vehicles } from '../../../db/src/schema';
import { addDays, formatJaDate, tokyoDate, tokyoTime } from '../lib/tokyo';
import type { BookingRow } from './load-dispatch-day';

export const STATUS_LABELS = {
  booked: '予約済み',
  en_route: '迎車中',
  on_board: '乗車中',
  arrived: '到着',
  no_show: '不在でキャンセル',
  cancelled: '取り消し',
} as const;
export type DisplayStatus = keyof typeof STATUS_LABELS;

/** How early before the window a booked ride shows as 迎車中 (the car is on its way). */
const EN_ROUTE_LEAD_MS = 15 * 60_000;

export const BookingViewSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(['booked', 'en_route', 'on_board', 'arrived', 'no_show', 'cancelled']),
    statusLabel: z.string(),
    serviceDate: z.string(),
    /** 「今日」, 「明日」 or 「12月7日(月)」: the day as the resident hears it. */
    dayLabel: z.string(),
    timeKind: z.enum(['arrive_by', 'leave_after']),
    requestedTime: z.string(),
    fromLabel: z.string(),
    toLabel: z.string(),
    pickupFrom: z.string().openapi({ example: '10:05' }),
    pickupTo: z.string().openapi({ example: '10:15' }),
    expectedArrival: z.string(),
    passengers: z.number().int(),
    riders: z.array(z.object({ id: z.number().int(), name: z.string() })),
    fareTotalYen: z.number().int(),
    vehicleName: z.string(),
    channel: z.enum(['tv', 'call_centre']),
    cancellable: z.boolean(),
    returnOfId: z.number().int().nullable(),
  })
  .openapi('TaxiBooking');
export type BookingView = z.infer<typeof BookingViewSchema>;

/** Status as the resident sees it: a booked ride whose window is near shows as 迎車中. */
export function displayStatus(b: BookingRow, now: Date): DisplayStatus {
  if (b.status === 'booked' && now.getTime() >= b.pickupFrom.getTime() - EN_ROUTE_LEAD_MS) return 'en_route';
  return b.status;
}

/** Cancel up to the promised pickup window (after that the car is already on its way). */
export const isCancellable = (b: BookingRow, now: Date) => b.status === 'booked' && now < b.pickupFrom;

export async function viewBookings(db: DbOrTx, rows: BookingRow[], now: Date): Promise<BookingView[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((b) => b.riderIds))];
  const names = new Map(
    (
      await db
        .select({ id: residents.id, name: residents.name })
        .from(residents)
        .where(inArray(residents.id, ids))
        .all()
    ).map((r) => [r.id, r.name]),
  );
  const cars = new Map((await db.select().from(vehicles).all()).map((v) => [v.id, v.name]));
  const today = tokyoDate(now);
  const tomorrow = addDays(today, 1);
  return rows.map((b) => {
    const status = displayStatus(b, now);
    return {
      id: b.id,
      status,
      statusLabel: STATUS_LABELS[status],
      serviceDate: b.serviceDate,
      dayLabel:
        b.serviceDate === today ? '今日' : b.serviceDate === tomorrow ? '明日' : formatJaDate(b.serviceDate),
      timeKind: b.timeKind,
      requestedTime: b.requestedTime,
      fromLabel: b.pickupLabel,
      toLabel: b.dropoffLabel,
      pickupFrom: tokyoTime(b.pickupFrom),
      pickupTo: tokyoTime(b.pickupTo),
      expectedArrival: tokyoTime(b.expectedArrival),
      passengers: b.passengers,
      riders: b.riderIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      fareTotalYen: Object.values(b.fares).reduce((a, y) => a + y, 0),
      vehicleName: cars.get(b.vehicleId) ?? '',
      channel: b.channel,
      cancellable: isCancellable(b, now),
      returnOfId: b.returnOfId,
    };
  });
}

export async function viewBooking(db: DbOrTx, row: BookingRow, now: Date): Promise<BookingView> {
  return (await viewBookings(db, [row], now))[0]!;
}
