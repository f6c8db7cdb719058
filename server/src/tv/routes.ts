import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { residents } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { requireDevice } from '../auth/device-auth';
import { deviceSecurity, errorResponses, IdParam, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { getHouseholdView, HouseholdViewSchema } from './get-household-view';

export const tvApi = createRouter();

tvApi.use('*', requireDevice());

tvApi.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['tv'],
    summary: "The box's household, its residents and hamlet",
    security: deviceSecurity,
    responses: { 200: jsonResponse(HouseholdViewSchema), ...errorResponses },
  }),
  async (c) => c.json(await getHouseholdView(c.var.deps.db, c.var.device.householdId), 200),
);

const ResidentSchema = z
  .object({ id: z.number(), name: z.string(), kana: z.string(), householdId: z.number() })
  .openapi('TvResident');

tvApi.openapi(
  createRoute({
    method: 'get',
    path: '/residents/{id}',
    tags: ['tv'],
    summary: 'One resident of the box’s own household',
    security: deviceSecurity,
    request: { params: IdParam },
    responses: { 200: jsonResponse(ResidentSchema), ...errorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const r = await c.var.deps.db.select().from(residents).where(eq(residents.id, id)).get();
    // Another household's resident is reported as missing, so a box cannot probe ids.
    if (!r || r.householdId !== c.var.device.householdId) throw notFound('Resident');
    return c.json({ id: r.id, name: r.name, kana: r.kana, householdId: r.householdId }, 200);
  },
);
