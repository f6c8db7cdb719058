import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import {
  droneDailyInspections,
  droneFlightRecords,
  droneMaintenanceRecords,
  drones,
} from '../../../db/src/schema';
import { badRequest, notFound } from '../lib/errors';
import type { DailyCheckResults } from './log/daily-inspection';
import { dailyInspectionsCsv, flightRecordsCsv, maintenanceRecordsCsv } from './log/flight-log-csv';
import { TokyoDateSchema } from '../lib/tokyo';

export const FlightLogQuery = z.object({
  from: TokyoDateSchema,
  to: TokyoDateSchema,
  part: z.enum(['flights', 'inspections', 'maintenance']).default('flights'),
});
export type FlightLogQuery = z.input<typeof FlightLogQuery>;

/** One part of an airframe's 飛行日誌 over a period of Tokyo dates, as CSV. */
export async function exportFlightLog(db: DbOrTx, droneId: number, raw: FlightLogQuery) {
  const q = FlightLogQuery.parse(raw);
  if (q.to < q.from) throw badRequest('invalid_period', 'The period ends before it starts');
  const drone = await db.select().from(drones).where(eq(drones.id, droneId)).get();
  if (!drone) throw notFound('Drone');
  const fileName = `flight-log-${drone.registrationMark}-${q.part}-${q.from}_${q.to}.csv`;
  if (q.part === 'flights') {
    const rows = await db
      .select()
      .from(droneFlightRecords)
      .where(
        and(
          eq(droneFlightRecords.droneId, droneId),
          gte(droneFlightRecords.date, q.from),
          lte(droneFlightRecords.date, q.to),
        ),
      )
      .orderBy(asc(droneFlightRecords.takeoffAt), asc(droneFlightRecords.id))
      .all();
    return {
      fileName,
      csv: flightRecordsCsv(
        rows.map((r) => ({ ...r, registrationMark: drone.registrationMark, airframeModel: drone.model })),
      ),
    };
  }
  if (q.part === 'inspections') {
    const rows = await db
      .select()
      .from(droneDailyInspections)
      .where(
        and(
          eq(droneDailyInspections.droneId, droneId),
          gte(droneDailyInspections.date, q.from),
          lte(droneDailyInspections.date, q.to),
        ),
      )
      .orderBy(asc(droneDailyInspections.date))
      .all();
    return {
      fileName,
      csv: dailyInspectionsCsv(
        rows.map((r) => ({
          registrationMark: drone.registrationMark,
          date: r.date,
          place: r.place,
          inspector: r.inspectorName,
          results: r.results as DailyCheckResults,
          notes: r.notes,
        })),
      ),
    };
  }
  const rows = await db
    .select()
    .from(droneMaintenanceRecords)
    .where(
      and(
        eq(droneMaintenanceRecords.droneId, droneId),
        gte(droneMaintenanceRecords.date, q.from),
        lte(droneMaintenanceRecords.date, q.to),
      ),
    )
    .orderBy(asc(droneMaintenanceRecords.date), asc(droneMaintenanceRecords.id))
    .all();
  return {
    fileName,
    csv: maintenanceRecordsCsv(rows.map((r) => ({ ...r, registrationMark: drone.registrationMark }))),
  };
}
