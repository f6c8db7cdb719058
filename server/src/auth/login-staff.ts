import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { staffSessions, staffUsers } from '../../../db/src/schema';
import { recordAudit } from '../lib/audit';
import { randomToken, sha256, verifyPassword } from '../lib/crypto';
import { unauthorized } from '../lib/errors';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Checks a login and opens a session; the same message for unknown user and wrong password. */
export async function loginStaff(db: Db, now: Date, loginId: string, password: string) {
  const user = await db.select().from(staffUsers).where(eq(staffUsers.loginId, loginId)).get();
  const ok = user && !user.disabledAt && (await verifyPassword(password, user.passwordHash));
  if (!user || !ok) throw unauthorized('ログインIDまたはパスワードが違います');
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx
      .insert(staffSessions)
      .values({
        id: sha256(token),
        staffId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      })
      .run();
    await recordAudit(tx, now, { type: 'staff', id: user.id }, 'login', 'staff_user', user.id);
  });
  return { token, user: { id: user.id, name: user.name, role: user.role } };
}

export async function logoutStaff(db: Db, token: string): Promise<void> {
  await db
    .delete(staffSessions)
    .where(eq(staffSessions.id, sha256(token)))
    .run();
}
