import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { droneDailyInspections, drones, staffUsers } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { DAILY_CHECK_ITEMS, inspectionPassed, type DailyCheckResults } from './log/daily-inspection';
import { TokyoDateSchema } from '../lib/tokyo';

const result = z.enum(['ok', 'ng']);
export const DailyInspectionInput = z.object({
  date: TokyoDateSchema,
  place: z.string().trim().min(1).max(100),
  results: z.object(
    Object.fromEntries(DAILY_CHECK_ITEMS.map((i) => [i.key, result])) as Record<
      DailyCheckResults extends Record<infer K, unknown> ? K : never,
      typeof result
    >,
  ),
  notes: z.string().max(500).default(''),
});
export type DailyInspectionInput = z.input<typeof DailyInspectionInput>;

/** One 日常点検 per airframe and day; a second one for the same day is refused (409). */
export async function recordDailyInspection(
  db: Db,
  droneId: number,
  raw: DailyInspectionInput,
  actor: Actor & { id: number },
  now: Date,
) {
  const input = DailyInspectionInput.parse(raw);
  return await db.transaction(async (tx) => {
    if (!(await tx.select({ id: drones.id }).from(drones).where(eq(drones.id, droneId)).get()))
      throw notFound('Drone');
    const inspector = (await tx
      .select({ name: staffUsers.name })
      .from(staffUsers)
      .where(eq(staffUsers.id, actor.id))
      .get())!;
    const passed = inspectionPassed(input.results as DailyCheckResults);
    const row = await tx
      .insert(droneDailyInspections)
      .values({
        droneId,
        date: input.date,
        place: input.place,
        inspectorStaffId: actor.id,
        inspectorName: inspector.name,
        results: input.results,
        passed,
        notes: input.notes,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: droneDailyInspections.id })
      .get();
    if (!row) throw conflict('already_inspected', `${input.date}の日常点検は記録済みです`);
    await recordAudit(tx, now, actor, 'drone.inspection', 'drone', droneId, { date: input.date, passed });
    return { id: row.id, passed };
  });
}
