import { z } from 'zod';
import type { Db } from '../../../db/src';
import { watchContacts, WATCH_CONTACT_KINDS, WATCH_CONTACT_OUTCOMES } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import type { StaffAuth } from '../lib/router';
import { assertMayManage } from './assert-may-manage';

export const WATCH_CONTACT_KIND_JA = { call: '電話した', visit: '訪問した' } as const;
export const WATCH_CONTACT_OUTCOME_JA = {
  fine: '元気だった',
  concern: '気になる',
  no_answer: '会えなかった・出なかった',
} as const;

export const RecordWatchContactInput = z.object({
  kind: z.enum(WATCH_CONTACT_KINDS, { error: '電話か訪問かを選んでください' }),
  outcome: z.enum(WATCH_CONTACT_OUTCOMES, { error: '結果を選んでください' }),
  note: z
    .string()
    .trim()
    .max(200, 'メモは200文字までです')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type RecordWatchContactInput = z.infer<typeof RecordWatchContactInput>;

/** A call or visit to a resident, by a staff member allowed to manage that resident; audited. */
export async function recordWatchContact(
  db: Db,
  staff: Pick<StaffAuth, 'id' | 'role' | 'hamletId'>,
  residentId: number,
  input: RecordWatchContactInput,
  now: Date,
): Promise<number> {
  return await db.transaction(async (tx) => {
    await assertMayManage(tx, staff, residentId);
    const row = await tx
      .insert(watchContacts)
      .values({ residentId, staffId: staff.id, ...input, at: now })
      .returning({ id: watchContacts.id })
      .get();
    await recordAudit(
      tx,
      now,
      { type: 'staff', id: staff.id },
      `watch.contact.${input.kind}`,
      'resident',
      residentId,
      {
        outcome: input.outcome,
      },
    );
    return row.id;
  });
}
