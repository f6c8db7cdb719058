import { withSqlite } from '../../../db/src';
import { z } from '@hono/zod-openapi';
import { deviceRoute, staffRoute } from '../auth/route-config';
import { IdParam, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { enrollResident, EnrollInput } from './enroll-resident';
import { confirmNotice, listNotices } from './notices';
import { activityInstant, recordTvActivity } from './record-activity';
import { createReminder, CreateReminderInput } from './reminders';
import { setAwayByStaff, setAwayFromTv } from './set-away';
import { assertMayManage } from './assert-may-manage';
import { endAwayPeriod } from './end-away-period';
import { endAwayFromTv, getHouseholdAway, HouseholdAwaySchema } from './household-away';
import { stopReminder } from './stop-reminder';
import { stopWatching } from './stop-watching';
import { TokyoDateSchema } from '../lib/tokyo';

export const watchApi = createRouter();

const ActivityInput = z
  .object({
    kind: z.enum(['heartbeat', 'keys']),
    /** When it happened, for activity the TV could not send at the time (at most 24 h back). */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
const ActivityResult = z.object({ recorded: z.number().int() });
const Ok = z.object({ ok: z.boolean() });
const NoticeSchema = z.object({
  id: z.number().int(),
  residentName: z.string(),
  text: z.string(),
  dueAt: z.string(),
  dueLabel: z.string().openapi({ example: '昨日 18:30 のお知らせ' }),
  late: z.boolean(),
  missed: z.boolean(),
  confirmedAt: z.string().nullable(),
});
const NoticesSchema = z.object({
  check: z.boolean(),
  greeting: z.string().nullable().openapi({
    description: 'A greeting that asks nothing (「こんにちは」), shown before any check; 決定 closes it',
  }),
  pending: z.array(NoticeSchema),
  recent: z.array(NoticeSchema),
});
const AwayInput = z.object({ returnDate: TokyoDateSchema }).strict();

// ── The TV ───────────────────────────────────────────────────────────────────────────────────

watchApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/activity',
    tags: ['watch'],
    summary:
      'Heartbeat while the TV app is on, or a (debounced) key press; only presence is kept. `at` sends activity the TV kept while it could not reach the server (not in the future, at most 24 h back)',
    request: jsonBody(ActivityInput),
    responses: { 200: jsonResponse(ActivityResult) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    const { kind, at } = c.req.valid('json');
    const instant = activityInstant(at, deps.clock.now());
    const n = await withSqlite(deps.db, (sqlite) =>
      recordTvActivity(sqlite, device.householdId, kind, instant),
    );
    return c.json({ recorded: n }, 200);
  },
);

watchApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/notices',
    tags: ['watch'],
    summary:
      'Reminders due (full screen; not once missed), the お知らせ list with when each was due, and whether to ask "お元気ですか？"',
    responses: { 200: jsonResponse(NoticesSchema) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    const view = await listNotices(
      deps.db,
      device.householdId,
      deps.clock.now(),
      deps.config.WATCH_REMINDER_MISSED_AFTER_MINUTES,
    );
    return c.json(view, 200);
  },
);

watchApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/notices/{id}/confirm',
    tags: ['watch'],
    summary: 'OK pressed on a reminder',
    request: { params: IdParam },
    responses: { 200: jsonResponse(Ok) },
  }),
  async (c) => {
    await confirmNotice(
      c.var.deps.db,
      c.var.device.householdId,
      c.req.valid('param').id,
      c.var.deps.clock.now(),
    );
    return c.json({ ok: true }, 200);
  },
);

watchApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/away',
    tags: ['watch'],
    summary: '"留守にします" with a return date',
    request: jsonBody(AwayInput),
    responses: { 200: jsonResponse(z.object({ residents: z.number().int() })) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    const n = await setAwayFromTv(
      deps.db,
      device.householdId,
      device.boxId,
      c.req.valid('json').returnDate,
      deps.clock.now(),
    );
    return c.json({ residents: n }, 200);
  },
);

watchApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/away',
    tags: ['watch'],
    summary: "Whether the box's household is away now, and until when",
    responses: { 200: jsonResponse(HouseholdAwaySchema) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    return c.json(await getHouseholdAway(deps.db, device.householdId, deps.clock.now()), 200);
  },
);

watchApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/away/end',
    tags: ['watch'],
    summary: '"帰りました": end the household\'s running away periods now (again: ends nothing)',
    responses: { 200: jsonResponse(z.object({ ended: z.number().int() })) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    const ended = await endAwayFromTv(deps.db, device.householdId, device.boxId, deps.clock.now());
    return c.json({ ended }, 200);
  },
);

// ── Staff ────────────────────────────────────────────────────────────────────────────────────

watchApi.openapi(
  staffRoute(['city_staff', 'support_worker'], {
    method: 'post',
    path: '/enrolments',
    tags: ['watch'],
    summary: "Record a resident's consent and start watching",
    request: jsonBody(EnrollInput),
    responses: { 200: jsonResponse(Ok) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const input = c.req.valid('json');
    await deps.db.transaction(async (tx) => {
      await assertMayManage(tx, staff, input.residentId);
      await enrollResident(tx, input, staff.id, deps.clock.now());
    });
    return c.json({ ok: true }, 200);
  },
);

watchApi.openapi(
  staffRoute(['city_staff', 'support_worker'], {
    method: 'post',
    path: '/reminders',
    tags: ['watch'],
    summary: 'Schedule a reminder shown full screen on the TV',
    request: jsonBody(CreateReminderInput),
    responses: { 201: jsonResponse(z.object({ id: z.number().int() })) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const input = c.req.valid('json');
    await assertMayManage(deps.db, staff, input.residentId);
    const r = await createReminder(deps.db, input, { staffId: staff.id }, deps.clock.now());
    return c.json({ id: r.id }, 201);
  },
);

const StaffAwayInput = z
  .object({
    residentId: z.number().int().positive(),
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
  })
  .strict();

watchApi.openapi(
  staffRoute(['city_staff', 'support_worker'], {
    method: 'post',
    path: '/away-periods',
    tags: ['watch'],
    summary: 'Enter a hospital stay or a trip for a resident (staff)',
    request: jsonBody(StaffAwayInput),
    responses: { 201: jsonResponse(z.object({ id: z.number().int() })) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const v = c.req.valid('json');
    await assertMayManage(deps.db, staff, v.residentId);
    const id = await setAwayByStaff(
      deps.db,
      { residentId: v.residentId, from: new Date(v.from), until: new Date(v.until) },
      staff.id,
      deps.clock.now(),
    );
    return c.json({ id }, 201);
  },
);

const staffPost = (path: string, summary: string) =>
  staffRoute(['city_staff', 'support_worker'], {
    method: 'post',
    path,
    tags: ['watch'],
    summary,
    request: { params: IdParam },
    responses: { 200: jsonResponse(Ok) },
  });

watchApi.openapi(
  staffPost('/enrolments/{id}/stop', 'Stop watching a resident (consent withdrawn)'),
  async (c) => {
    const { deps, staff } = c.var;
    await deps.db.transaction(
      async (tx) => await stopWatching(tx, c.req.valid('param').id, staff, deps.clock.now()),
    );
    return c.json({ ok: true }, 200);
  },
);

watchApi.openapi(staffPost('/reminders/{id}/stop', 'Stop a reminder'), async (c) => {
  const { deps, staff } = c.var;
  await deps.db.transaction(
    async (tx) => await stopReminder(tx, c.req.valid('param').id, staff, deps.clock.now()),
  );
  return c.json({ ok: true }, 200);
});

watchApi.openapi(
  staffPost('/away-periods/{id}/end', 'End an away period now, or cancel it if not begun'),
  async (c) => {
    const { deps, staff } = c.var;
    await deps.db.transaction(
      async (tx) => await endAwayPeriod(tx, c.req.valid('param').id, staff, deps.clock.now()),
    );
    return c.json({ ok: true }, 200);
  },
);
