import { z } from 'zod';
import type { DbOrTx } from '../../../db/src';
import { residents, watchSettings, watchState } from '../../../db/src/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../lib/audit';
import { notFound } from '../lib/errors';

export const EnrollInput = z.object({
  residentId: z.number().int().positive(),
  thresholdMinutes: z
    .number()
    .int()
    .min(60)
    .max(7 * 1440)
    .default(1440),
  noKeyMinutes: z.number().int().min(60).max(1440).default(360),
  quietStartMinute: z
    .number()
    .int()
    .min(0)
    .max(1439)
    .default(21 * 60),
  quietEndMinute: z
    .number()
    .int()
    .min(0)
    .max(1439)
    .default(6 * 60),
  supportWorkerFirst: z.boolean().default(true),
  escalateAfterMinutes: z.number().int().min(5).max(1440).default(60),
  dailyMail: z.boolean().default(false),
});
export type EnrollInput = z.input<typeof EnrollInput>;

/**
 * Records a resident's opt-in (who recorded the consent, and when) and starts watching. The
 * contacts to notify are the resident's family contacts in priority order.
 */
export async function enrollResident(
  db: DbOrTx,
  input: EnrollInput,
  staffId: number,
  now: Date,
): Promise<void> {
  const v = EnrollInput.parse(input);
  const resident = await db
    .select({ id: residents.id })
    .from(residents)
    .where(eq(residents.id, v.residentId))
    .get();
  if (!resident) throw notFound('Resident');
  const { residentId, ...settings } = v;
  await db
    .insert(watchSettings)
    .values({
      residentId,
      ...settings,
      enabled: true,
      consentAt: now,
      consentStaffId: staffId,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: watchSettings.residentId,
      set: { ...settings, enabled: true, consentAt: now, consentStaffId: staffId, updatedAt: now },
    })
    .run();
  await db
    .insert(watchState)
    // No rhythm row yet: the detector starts from an empty rhythm at consent (learnRhythms).
    .values({ residentId })
    // New settings (a lower threshold, say) may change the decision at once.
    .onConflictDoUpdate({ target: watchState.residentId, set: { nextCheckAt: null } })
    .run();
  await recordAudit(db, now, { type: 'staff', id: staffId }, 'watch.enroll', 'resident', String(residentId));
}
