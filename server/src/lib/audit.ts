import type { DbOrTx } from '../../../db/src';
import { auditLog } from '../../../db/src/schema';

export interface Actor {
  type: 'staff' | 'device' | 'family' | 'system';
  id: number | null;
}

export const systemActor: Actor = { type: 'system', id: null };

/** Records who did what, when. Call it inside the transaction that makes the change. */
export async function recordAudit(
  db: DbOrTx,
  at: Date,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db
    .insert(auditLog)
    .values({
      at,
      actorType: actor.type,
      actorId: actor.id,
      action,
      entity,
      entityId: entityId === null ? null : String(entityId),
      detail: detail ?? null,
    })
    .run();
}
