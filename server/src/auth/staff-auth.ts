import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { staffSessions, staffUsers, type StaffRole } from '../../../db/src/schema';
import { sha256 } from '../lib/crypto';
import { forbidden, unauthorized } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';

export const SESSION_COOKIE = 'engawa_session';

export async function loadStaff(c: Context<AppEnv>): Promise<StaffAuth | null> {
  const raw = getCookie(c, SESSION_COOKIE);
  if (!raw || raw.length > 200) return null;
  const { db, clock } = c.var.deps;
  const row = await db
    .select({
      id: staffUsers.id,
      role: staffUsers.role,
      name: staffUsers.name,
      hamletId: staffUsers.hamletId,
      sellerId: staffUsers.sellerId,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(
      and(
        eq(staffSessions.id, sha256(raw)),
        gt(staffSessions.expiresAt, clock.now()),
        isNull(staffUsers.disabledAt),
      ),
    )
    .get();
  return row ?? null;
}

/** No roles listed = any staff member; `admin` passes every check. */
const allowed = (staff: StaffAuth, roles: StaffRole[]) =>
  roles.length === 0 || staff.role === 'admin' || roles.includes(staff.role);

/**
 * Staff API routes: a valid session cookie and one of the roles. `admin` passes every check.
 * Answers 401/403 JSON.
 */
export const requireStaff = (...roles: StaffRole[]): MiddlewareHandler<AppEnv> =>
  async function requireStaff(c, next) {
    const staff = await loadStaff(c);
    if (!staff) throw unauthorized('Staff login required');
    if (!allowed(staff, roles)) throw forbidden('Your role may not use this');
    c.set('staff', staff);
    await next();
  };

/** Console pages: like requireStaff, but an anonymous visitor is sent to the login page. */
export const requireStaffPage = (...roles: StaffRole[]): MiddlewareHandler<AppEnv> =>
  async function requireStaffPage(c, next) {
    const staff = await loadStaff(c);
    if (!staff) return c.redirect(`/console/login?next=${encodeURIComponent(c.req.path)}`, 303);
    if (!allowed(staff, roles)) throw forbidden('Your role may not use this page');
    c.set('staff', staff);
    await next();
  };
