import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { taxiBookings, vehicles } from '../../../db/src/schema';
import { tokyoDate } from '../lib/tokyo';
import { carriedRides } from './carried-rides';
import { computeDayFigures, DayFiguresSchema } from './compute-day-figures';
import { ManifestStopSchema, stopsOf } from './get-manifest';

export const DayPlanSchema = z
  .object({
    date: z.string(),
    vehicles: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        depot: z.object({ lat: z.number(), lon: z.number() }),
        stops: z.array(ManifestStopSchema),
      }),
    ),
    figures: DayFiguresSchema,
  })
  .openapi('TaxiDayPlan');
export type DayPlan = z.infer<typeof DayPlanSchema>;

/** The whole day for city staff: each vehicle's stops in order, and the day's figures. */
export async function getDayPlan(db: DbOrTx, date: string, now: Date): Promise<DayPlan> {
  const vs = await db.select().from(vehicles).orderBy(vehicles.id).all();
  const rows = await db.select().from(taxiBookings).where(eq(taxiBookings.serviceDate, date)).all();
  const live = [
    ...(await carriedRides(db, date, tokyoDate(now))),
    ...rows.filter((b) => b.status !== 'cancelled'),
  ];
  return {
    date,
    vehicles: await Promise.all(
      vs.map(async (v) => ({
        id: v.id,
        name: v.name,
        depot: { lat: v.depotLat, lon: v.depotLon },
        stops: await stopsOf(
          db,
          live.filter((b) => b.vehicleId === v.id),
          now,
          date,
        ),
      })),
    ),
    figures: computeDayFigures(rows, vs),
  };
}
