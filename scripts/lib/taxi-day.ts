import { z } from 'zod';
import {
  defaultDispatchSettings,
  type Booking,
  type DispatchSettings,
} from '../../server/src/taxi/solver/index.js';
import type { GreatCircleOptions } from '../../server/src/taxi/travel/index.js';

const hhmm = z
  .string()
  .regex(/^\d{1,2}:\d{2}$/, 'time must be HH:MM')
  .transform((s) => {
    const [h, m] = s.split(':').map(Number) as [number, number];
    return h * 60 + m;
  });
const point = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
const area = z.object({
  name: z.string(),
  south: z.number(),
  west: z.number(),
  north: z.number(),
  east: z.number(),
  roadFactor: z.number().positive(),
  speedKmh: z.number().positive(),
});

/** The replay input: service settings, vehicles, and bookings in the order they arrive. */
export const taxiDaySchema = z.object({
  date: z.string().optional(),
  settings: z.object({
    serviceHours: z.object({ start: hhmm, end: hhmm }),
    maxRide: z.object({ factor: z.number().min(1), addMinutes: z.number().min(0) }),
    road: z.object({
      speedKmh: z.number().positive(),
      roadFactor: z.number().min(1),
      areas: z.array(area).optional(),
    }),
    requestWindowMinutes: z.number().positive().optional(),
    promiseWidthMinutes: z.number().positive().optional(),
    arrivalSlackMinutes: z.number().min(0).optional(),
    stopMinutes: z.number().min(0).optional(),
    minLeadMinutes: z.number().min(0).optional(),
  }),
  vehicles: z
    .array(
      z.object({
        id: z.string(),
        depot: point,
        capacity: z.number().int().positive(),
        shift: z.object({ start: hhmm, end: hhmm }),
      }),
    )
    .min(1),
  bookings: z.array(
    z
      .object({
        id: z.string(),
        arrivedAt: hhmm,
        pickup: point,
        dropoff: point,
        passengers: z.number().int().positive(),
        arriveBy: hhmm.optional(),
        leaveAfter: hhmm.optional(),
      })
      .refine((b) => (b.arriveBy === undefined) !== (b.leaveAfter === undefined), {
        message: 'give exactly one of arriveBy / leaveAfter',
      }),
  ),
});

export interface TaxiDay {
  settings: DispatchSettings;
  road: GreatCircleOptions;
  bookings: (Booking & { arrivedAt: number })[];
}

/** Validates a day file (JSON text) and converts it to dispatcher settings and bookings. */
export function parseTaxiDay(json: unknown): TaxiDay {
  const d = taxiDaySchema.parse(json);
  const s = d.settings;
  const settings: DispatchSettings = {
    ...defaultDispatchSettings,
    serviceStart: s.serviceHours.start,
    serviceEnd: s.serviceHours.end,
    maxRide: s.maxRide,
    ...(s.requestWindowMinutes !== undefined && { requestWindowMinutes: s.requestWindowMinutes }),
    ...(s.promiseWidthMinutes !== undefined && { promiseWidthMinutes: s.promiseWidthMinutes }),
    ...(s.arrivalSlackMinutes !== undefined && { arrivalSlackMinutes: s.arrivalSlackMinutes }),
    ...(s.stopMinutes !== undefined && { stopMinutes: s.stopMinutes }),
    ...(s.minLeadMinutes !== undefined && { minLeadMinutes: s.minLeadMinutes }),
    vehicles: d.vehicles.map((v) => ({
      id: v.id,
      depot: v.depot,
      capacity: v.capacity,
      shiftStart: v.shift.start,
      shiftEnd: v.shift.end,
    })),
  };
  const bookings = d.bookings
    .map((b) => ({
      id: b.id,
      arrivedAt: b.arrivedAt,
      pickup: b.pickup,
      dropoff: b.dropoff,
      passengers: b.passengers,
      kind: b.arriveBy !== undefined ? ('arriveBy' as const) : ('leaveAfter' as const),
      time: (b.arriveBy ?? b.leaveAfter)!,
    }))
    // stable: bookings arriving in the same minute keep their file order
    .sort((a, b) => a.arrivedAt - b.arrivedAt);
  return { settings, road: s.road, bookings };
}

export function formatTime(min: number): string {
  const m = Math.round(min);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
