import { z } from '@hono/zod-openapi';
import { staffRoute } from '../auth/route-config';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../../db/src/schema';
import { jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';

export const adminApi = createRouter();

const StaffMeSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    role: z.string(),
    hamletId: z.number().nullable(),
    sellerId: z.number().nullable(),
  })
  .openapi('StaffMe');

adminApi.openapi(
  staffRoute(['city_staff', 'drone_operator', 'store_staff', 'support_worker', 'driver', 'call_centre'], {
    method: 'get',
    path: '/me',
    tags: ['staff'],
    summary: 'The logged-in staff member',
    responses: { 200: jsonResponse(StaffMeSchema) },
  }),
  (c) => c.json(c.var.staff, 200),
);

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.number().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
  })
  .openapi('AuditEntry');

adminApi.openapi(
  staffRoute(['city_staff'], {
    method: 'get',
    path: '/audit-log',
    tags: ['staff'],
    summary: 'Recent audit log entries (city staff, admin)',
    request: { query: AuditQuery },
    responses: { 200: jsonResponse(z.object({ entries: z.array(AuditEntrySchema) })) },
  }),
  async (c) => {
    const { limit } = c.req.valid('query');
    const rows = await c.var.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
    return c.json(
      {
        entries: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorType: r.actorType,
          actorId: r.actorId,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
        })),
      },
      200,
    );
  },
);
