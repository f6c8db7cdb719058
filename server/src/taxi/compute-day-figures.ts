import { z } from '@hono/zod-openapi';
import { toMinutes } from './service-day';
import type { BookingRow, VehicleRow } from './load-dispatch-day';

export const DayFiguresSchema = z
  .object({
    rides: z.number().int(),
    riders: z.number().int(),
    noShows: z.number().int(),
    cancelled: z.number().int(),
    ridersPerVehicleHour: z.number(),
    sharedRideShare: z.number(),
    meanDetour: z.number(),
    onTimeShare: z.number(),
  })
  .openapi('TaxiDayFigures');
export type DayFigures = z.infer<typeof DayFiguresSchema>;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The city's figures for a day, over completed rides: riders (passengers) per vehicle shift hour,
 * the share of rides that shared the car with another booking for part of the way, the mean detour
 * (ride time over the direct trip, minus 1) and the share picked up by the end of the promised window.
 */
export function computeDayFigures(rows: BookingRow[], vs: VehicleRow[]): DayFigures {
  const done = rows.filter((b) => b.status === 'arrived');
  const span = (b: BookingRow) => [b.pickedUpAt!.getTime(), b.droppedOffAt!.getTime()] as const;
  const shared = done.filter((b) => {
    const [s, e] = span(b);
    return done.some((o) => o.id !== b.id && o.vehicleId === b.vehicleId && span(o)[0] < e && span(o)[1] > s);
  });
  const detours = done
    .filter((b) => b.directMinutes > 0)
    .map((b) => (span(b)[1] - span(b)[0]) / 60_000 / b.directMinutes - 1);
  const used = new Set(done.map((b) => b.vehicleId));
  const hours = vs
    .filter((v) => used.has(v.id))
    .reduce((h, v) => h + (toMinutes(v.shiftEnd) - toMinutes(v.shiftStart)) / 60, 0);
  const riders = done.reduce((n, b) => n + b.passengers, 0);
  const onTime = done.filter((b) => b.pickedUpAt! <= b.pickupTo).length;
  return {
    rides: done.length,
    riders,
    noShows: rows.filter((b) => b.status === 'no_show').length,
    cancelled: rows.filter((b) => b.status === 'cancelled').length,
    ridersPerVehicleHour: hours > 0 ? round3(riders / hours) : 0,
    sharedRideShare: done.length > 0 ? round3(shared.length / done.length) : 0,
    meanDetour:
      detours.length > 0 ? round3(detours.reduce((a, x) => a + Math.max(0, x), 0) / detours.length) : 0,
    onTimeShare: done.length > 0 ? round3(onTime / done.length) : 0,
  };
}
