import { z } from '@hono/zod-openapi';
import { deviceRoute, staffRoute } from '../auth/route-config';
import { withSqlite } from '../../../db/src';
import { recordAudit } from '../lib/audit';
import { jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { getBillingSettings } from './billing-settings';
import { closeMonth } from './close-month';
import { CurrentBillingSchema, getCurrentBilling } from './get-current-billing';
import { listFollowUps, resolveFollowUp, ResolveFollowUpInput } from './list-follow-ups';
import { BankAccountInput, registerBankAccount } from './register-bank-account';

export const billingApi = createRouter();

billingApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/current',
    tags: ['billing'],
    summary: "This month's running total and any debit-failure notice, for the box's household",
    responses: { 200: jsonResponse(CurrentBillingSchema) },
  }),
  async (c) => {
    const { deps, device } = c.var;
    const settings = await getBillingSettings(deps.db);
    const now = deps.clock.now();
    return c.json(
      await withSqlite(deps.db, (sqlite) => getCurrentBilling(sqlite, device.householdId, now, settings)),
      200,
    );
  },
);

const CloseInput = z
  .object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') })
  .openapi('CloseInput');
const CloseResultSchema = z
  .object({
    month: z.string(),
    alreadyClosed: z.boolean(),
    ledgerTotal: z.number().int(),
    ledgerCount: z.number().int(),
    statementsTotal: z.number().int(),
    statementCount: z.number().int(),
    goodsSales: z.number().int(),
    payouts: z.number().int(),
    commissions: z.number().int(),
    settlementCount: z.number().int(),
    report: z.array(z.string()),
  })
  .openapi('CloseResult');

billingApi.openapi(
  staffRoute(['city_staff'], {
    method: 'post',
    path: '/closes',
    tags: ['billing'],
    summary: 'Close a billing month (idempotent: closing a closed month returns its recorded result)',
    request: jsonBody(CloseInput),
    responses: { 200: jsonResponse(CloseResultSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const { month } = c.req.valid('json');
    const r = await closeMonth(db, month, now, await getBillingSettings(db));
    if (!r.alreadyClosed)
      await recordAudit(
        db,
        now,
        { type: 'staff', id: c.var.staff.id },
        'billing.close',
        'billing_month',
        month,
      );
    const { settledSales: _settled, ...body } = r;
    return c.json(body, 200);
  },
);

const HouseholdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

billingApi.openapi(
  staffRoute(['city_staff'], {
    method: 'put',
    path: '/households/{id}/bank-account',
    tags: ['billing'],
    summary:
      "Record a household's bank account from its 口座振替依頼書 (names normalised to half-width kana)",
    request: { params: HouseholdParam, ...jsonBody(BankAccountInput) },
    responses: {
      200: jsonResponse(
        z.object({
          householdId: z.number(),
          bankName: z.string(),
          branchName: z.string(),
          holderKana: z.string(),
          mandateStatus: z.literal('active'),
          nextNewCode: z.number(),
        }),
      ),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const { id } = c.req.valid('param');
    const r = await db.transaction(async (tx) => {
      const res = await withSqlite(tx, (sqlite) => registerBankAccount(sqlite, id, c.req.valid('json'), now));
      await recordAudit(
        tx,
        now,
        { type: 'staff', id: c.var.staff.id },
        'billing.bank_account',
        'household',
        id,
      );
      return res;
    });
    return c.json(r, 200);
  },
);

const FollowUpSchema = z
  .object({
    id: z.number(),
    householdId: z.number(),
    name: z.string(),
    phone: z.string().nullable(),
    month: z.string(),
    amount: z.number().int(),
    cause: z.enum(['no_account', 'mandate_pending', 'mandate_stopped', 'debit_failed']),
    resultCode: z.number().int().nullable(),
    reason: z.string(),
    mandateStatus: z.string().nullable(),
  })
  .openapi('FollowUp');

billingApi.openapi(
  staffRoute(['city_staff'], {
    method: 'get',
    path: '/follow-ups',
    tags: ['billing'],
    summary: 'Money billed and not collected by debit, still open (the one follow-up list)',
    responses: { 200: jsonResponse(z.object({ followUps: z.array(FollowUpSchema) })) },
  }),
  async (c) => c.json({ followUps: await withSqlite(c.var.deps.db, (sqlite) => listFollowUps(sqlite)) }, 200),
);

billingApi.openapi(
  staffRoute(['city_staff'], {
    method: 'post',
    path: '/follow-ups/{id}',
    tags: ['billing'],
    summary: 'Record an open amount as paid another way, or write it off, in the name of the staff member',
    request: { params: HouseholdParam, ...jsonBody(ResolveFollowUpInput.openapi('ResolveFollowUp')) },
    responses: { 204: { description: 'Resolved' } },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await db.transaction(async (tx) => {
      await withSqlite(tx, (sqlite) => resolveFollowUp(sqlite, id, input, c.var.staff.id, now));
      await recordAudit(
        tx,
        now,
        { type: 'staff', id: c.var.staff.id },
        `billing.follow_up.${input.outcome}`,
        'receivable',
        id,
      );
    });
    return c.body(null, 204);
  },
);
