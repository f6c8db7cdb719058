import { z } from '@hono/zod-openapi';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { households, residents, taxiBookings, vehicles } from '../../../db/src/schema';
import { tokyoDate, tokyoTime } from '../lib/tokyo';
import { carriedRides } from './carried-rides';
import { displayStatus, STATUS_LABELS } from './booking-view';
import type { BookingRow } from './load-dispatch-day';
import { getTaxiSettings } from './taxi-settings';

export const ManifestStopSchema = z
  .object({
    bookingId: z.number().int(),
    kind: z.enum(['pickup', 'dropoff']),
    time: z.string(),
    windowFrom: z.string(),
    windowTo: z.string(),
    place: z.string(),
    lat: z.number(),
    lon: z.number(),
    names: z.array(z.string()),
    phone: z.string().nullable(),
    passengers: z.number().int(),
    status: z.string(),
    statusLabel: z.string(),
    done: z.boolean(),
    /** actions the driver may take now */
    actions: z.array(z.enum(['pickup', 'dropoff', 'no_show'])),
    noShowFrom: z.string(),
    /** The service date of a ride carried over from an earlier day, still open (「前日から」). */
    carriedFrom: z.string().optional(),
  })
  .openapi('ManifestStop');
export type ManifestStop = z.infer<typeof ManifestStopSchema>;

export const ManifestSchema = z
  .object({
    date: z.string(),
    vehicle: z.object({ id: z.number().int(), name: z.string(), plate: z.string(), seats: z.number().int() }),
    stops: z.array(ManifestStopSchema),
  })
  .openapi('Manifest');
export type Manifest = z.infer<typeof ManifestSchema>;

/** The stops of a set of bookings in planned order (done stops keep their actual time). */
export async function stopsOf(
  db: DbOrTx,
  rows: BookingRow[],
  now: Date,
  date?: string,
): Promise<ManifestStop[]> {
  const grace = (await getTaxiSettings(db)).noShowGraceMinutes * 60_000;
  const people = new Map(
    rows.length === 0
      ? []
      : (
          await db
            .select({ id: residents.id, name: residents.name, phone: households.phone })
            .from(residents)
            .innerJoin(households, eq(households.id, residents.householdId))
            .where(inArray(residents.id, [...new Set(rows.flatMap((b) => b.riderIds))]))
            .all()
        ).map((r) => [r.id, r]),
  );
  const stops: (ManifestStop & { sortAt: number })[] = [];
  for (const b of rows) {
    const names = b.riderIds.map((id) => people.get(id)?.name ?? '');
    const phone = people.get(b.riderIds[0]!)?.phone ?? null;
    const status = displayStatus(b, now);
    const noShowFrom = new Date(b.pickupFrom.getTime() + grace);
    const base = {
      bookingId: b.id,
      names,
      phone,
      passengers: b.passengers,
      status,
      statusLabel: STATUS_LABELS[status],
      ...(date && b.serviceDate < date ? { carriedFrom: b.serviceDate } : {}),
    };
    const pickAt = b.pickedUpAt ?? b.noShowAt ?? b.plannedPickupAt;
    stops.push({
      ...base,
      kind: 'pickup',
      sortAt: pickAt.getTime(),
      time: tokyoTime(pickAt),
      windowFrom: tokyoTime(b.pickupFrom),
      windowTo: tokyoTime(b.pickupTo),
      place: b.pickupLabel,
      lat: b.pickupLat,
      lon: b.pickupLon,
      done: b.status !== 'booked',
      actions: b.status === 'booked' ? (now >= noShowFrom ? ['pickup', 'no_show'] : ['pickup']) : [],
      noShowFrom: tokyoTime(noShowFrom),
    });
    if (b.status === 'no_show') continue;
    const dropAt = b.droppedOffAt ?? b.plannedDropoffAt;
    stops.push({
      ...base,
      kind: 'dropoff',
      sortAt: dropAt.getTime(),
      time: tokyoTime(dropAt),
      windowFrom: tokyoTime(b.expectedArrival),
      windowTo: tokyoTime(b.latestArrival),
      place: b.dropoffLabel,
      lat: b.dropoffLat,
      lon: b.dropoffLon,
      done: b.status === 'arrived',
      actions: b.status === 'on_board' ? ['dropoff'] : [],
      noShowFrom: tokyoTime(noShowFrom),
    });
  }
  stops.sort((a, b) => a.sortAt - b.sortAt || (a.kind === 'dropoff' ? -1 : 1));
  return stops.map(({ sortAt: _, ...s }) => s);
}

/** Today's manifest of one vehicle: every stop in order with times, names, passengers. */
export async function getManifest(
  db: DbOrTx,
  vehicleId: number,
  date: string,
  now: Date,
): Promise<Manifest | null> {
  const v = await db.select().from(vehicles).where(eq(vehicles.id, vehicleId)).get();
  if (!v) return null;
  const rows = await db
    .select()
    .from(taxiBookings)
    .where(
      and(
        eq(taxiBookings.vehicleId, vehicleId),
        eq(taxiBookings.serviceDate, date),
        ne(taxiBookings.status, 'cancelled'),
      ),
    )
    .all();
  const carried = await carriedRides(db, date, tokyoDate(now), vehicleId);
  return {
    date,
    vehicle: { id: v.id, name: v.name, plate: v.plate, seats: v.seats },
    stops: await stopsOf(db, [...carried, ...rows], now, date),
  };
}
