import { z } from '@hono/zod-openapi';
import { deviceRoute, staffRoute } from '../auth/route-config';
import { staffScope } from '../auth/scope';
import type { Actor } from '../lib/audit';
import { IdParam, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter, type StaffAuth } from '../lib/router';
import { tokyoDate } from '../lib/tokyo';
import { buildPickingList, PickingListSchema } from './build-picking-list';
import { CartSchema, getCart, SetCartLineInput, setCartLine } from './cart';
import { cancelOrder } from './cancel-order';
import { changeOrder } from './change-order';
import { DeliveryInfoSchema, getDeliveryInfo } from './delivery-info';
import { listFavourites, setFavourite } from './favourites';
import { getOrderView, OrderViewSchema } from './get-order-view';
import { LastOrderSchema, lastOrderLines } from './last-order-lines';
import { CategorySchema, listCategories, listProducts, ProductSchema } from './list-catalogue';
import { HallParcelSchema, listHallParcels } from './list-hall-parcels';
import { listFrequentProducts } from './frequent-products';
import { HouseholdOrderSchema, listHouseholdOrdersForTv, toHouseholdOrder } from './resident-order-status';
import { getShopSettings } from './shop-settings';
import { packOrder } from './pack-order';
import { PickLineInput, pickLine } from './pick-line';
import { OrderLineInput, PlaceOrderInput, placeOrder } from './place-order';
import { HandoverInput, recordHandover } from './record-handover';
import { publishShopEvent } from './live-events';
import { SalesReportSchema, salesReport } from './sales-report';
import { notFound } from '../lib/errors';
import { isTokyoDate, TokyoDateSchema } from '../lib/tokyo';

export const shopApi = createRouter();

const staffActor = (s: StaffAuth): Actor => ({ type: 'staff', id: s.id });
const deviceActor = (boxId: number): Actor => ({ type: 'device', id: boxId });
const Ok = z.object({ ok: z.boolean() });
const DateQuery = z.object({
  date: TokyoDateSchema.optional(),
});

// ── Resident's TV ────────────────────────────────────────────────────────────────────────────

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/delivery-info',
    tags: ['shop'],
    summary: 'When and where an order placed now arrives',
    responses: { 200: jsonResponse(DeliveryInfoSchema) },
  }),
  async (c) =>
    c.json(await getDeliveryInfo(c.var.deps.db, c.var.device.householdId, c.var.deps.clock.now()), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/categories',
    tags: ['shop'],
    summary: 'Categories of the catalogue',
    responses: { 200: jsonResponse(z.array(CategorySchema)) },
  }),
  async (c) => c.json(await listCategories(c.var.deps.db), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/categories/{id}/products',
    tags: ['shop'],
    summary: 'Products of a category',
    request: { params: IdParam },
    responses: { 200: jsonResponse(z.array(ProductSchema)) },
  }),
  async (c) =>
    c.json(await listProducts(c.var.deps.db, c.req.valid('param').id, c.var.device.householdId), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/favourites',
    tags: ['shop'],
    summary: "The household's favourite products",
    responses: { 200: jsonResponse(z.array(ProductSchema)) },
  }),
  async (c) => c.json(await listFavourites(c.var.deps.db, c.var.device.householdId), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'put',
    path: '/favourites/{id}',
    tags: ['shop'],
    summary: 'Add (favourite: true) or remove a favourite product',
    request: { params: IdParam, ...jsonBody(z.object({ favourite: z.boolean() })) },
    responses: { 200: jsonResponse(Ok) },
  }),
  async (c) => {
    const { deps, device: d } = c.var;
    await setFavourite(
      deps.db,
      d.householdId,
      c.req.valid('param').id,
      c.req.valid('json').favourite,
      deps.clock.now(),
    );
    return c.json({ ok: true }, 200);
  },
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/cart',
    tags: ['shop'],
    summary: "The household's cart, kept on the server so it survives the TV being switched off",
    responses: { 200: jsonResponse(CartSchema) },
  }),
  async (c) => c.json(await getCart(c.var.deps.db, c.var.device.householdId), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'put',
    path: '/cart/lines/{id}',
    tags: ['shop'],
    summary:
      'Set the quantity of one product in the cart (0 removes it); a write whose seq is not greater than the last applied one changes nothing',
    request: { params: IdParam, ...jsonBody(SetCartLineInput) },
    responses: { 200: jsonResponse(CartSchema) },
  }),
  async (c) => {
    const { deps, device: d } = c.var;
    return c.json(
      await setCartLine(
        deps.db,
        d.householdId,
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
      ),
      200,
    );
  },
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/last-order',
    tags: ['shop'],
    summary: 'The lines of the last order, at today’s prices ("the same as last time")',
    responses: { 200: jsonResponse(LastOrderSchema) },
  }),
  async (c) => c.json(await lastOrderLines(c.var.deps.db, c.var.device.householdId), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/frequent',
    tags: ['shop'],
    summary: 'よく買うもの: the products of the household’s delivered orders, most often bought first',
    responses: { 200: jsonResponse(z.array(ProductSchema)) },
  }),
  async (c) => c.json(await listFrequentProducts(c.var.deps.db, c.var.device.householdId), 200),
);

shopApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/orders',
    tags: ['shop'],
    summary: 'Place an order (idempotent per household and idempotencyKey)',
    request: jsonBody(PlaceOrderInput),
    responses: {
      201: jsonResponse(HouseholdOrderSchema, 'Created'),
      200: jsonResponse(HouseholdOrderSchema, 'Already placed with this key'),
    },
  }),
  async (c) => {
    const { deps, device: d } = c.var;
    const now = deps.clock.now();
    const { order, created } = await placeOrder(
      deps.db,
      c.req.valid('json'),
      { householdId: d.householdId, channel: 'tv', actor: deviceActor(d.boxId) },
      now,
    );
    if (created) publishShopEvent(deps, 'order.placed', order.hamletId, order.id);
    // The same view as reading the order back, so the TV can offer 取り消す at once.
    return c.json(toHouseholdOrder(order, await getShopSettings(deps.db), now), created ? 201 : 200);
  },
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/orders',
    tags: ['shop'],
    summary: "The household's recent orders with their status and whether each can still be cancelled",
    responses: { 200: jsonResponse(z.array(HouseholdOrderSchema)) },
  }),
  async (c) =>
    c.json(
      await listHouseholdOrdersForTv(c.var.deps.db, c.var.device.householdId, c.var.deps.clock.now()),
      200,
    ),
);

shopApi.openapi(
  deviceRoute({
    method: 'get',
    path: '/orders/{id}',
    tags: ['shop'],
    summary: 'One order of the household',
    request: { params: IdParam },
    responses: { 200: jsonResponse(HouseholdOrderSchema) },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const view = await getOrderView(db, c.req.valid('param').id);
    if (view.householdId !== c.var.device.householdId) throw notFound('Order');
    return c.json(toHouseholdOrder(view, await getShopSettings(db), clock.now()), 200);
  },
);

shopApi.openapi(
  deviceRoute({
    method: 'post',
    path: '/orders/{id}/cancel',
    tags: ['shop'],
    summary: 'Cancel an order until the cut-off',
    request: { params: IdParam },
    responses: { 200: jsonResponse(HouseholdOrderSchema) },
  }),
  async (c) => {
    const { deps, device: d } = c.var;
    const now = deps.clock.now();
    const o = await cancelOrder(deps.db, c.req.valid('param').id, deviceActor(d.boxId), now, {
      householdId: d.householdId,
    });
    publishShopEvent(deps, 'order.cancelled', o.hamletId, o.id);
    return c.json(toHouseholdOrder(o, await getShopSettings(deps.db), now), 200);
  },
);

// ── Staff ──────────────────────────────────────────────────────────────────────────────────────

const StaffPlaceOrder = PlaceOrderInput.extend({ householdId: z.number().int().positive() }).openapi(
  'ShopStaffPlaceOrder',
);

shopApi.openapi(
  staffRoute(['call_centre'], {
    method: 'post',
    path: '/staff/orders',
    tags: ['shop'],
    summary: 'Call centre: place an order for a resident who phoned',
    request: jsonBody(StaffPlaceOrder),
    responses: {
      201: jsonResponse(OrderViewSchema, 'Created'),
      200: jsonResponse(OrderViewSchema, 'Already placed with this key'),
    },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const { householdId, ...input } = c.req.valid('json');
    const { order, created } = await placeOrder(
      deps.db,
      input,
      { householdId, channel: 'call_centre', actor: staffActor(staff), staffId: staff.id },
      deps.clock.now(),
    );
    if (created) publishShopEvent(deps, 'order.placed', order.hamletId, order.id);
    return c.json(order, created ? 201 : 200);
  },
);

shopApi.openapi(
  staffRoute(['call_centre', 'store_staff', 'support_worker', 'drone_operator'], {
    method: 'get',
    path: '/staff/orders/{id}',
    tags: ['shop'],
    summary: 'Any order, for staff',
    request: { params: IdParam },
    responses: { 200: jsonResponse(OrderViewSchema) },
  }),
  async (c) =>
    c.json(await getOrderView(c.var.deps.db, c.req.valid('param').id, staffScope(c.var.staff)), 200),
);

shopApi.openapi(
  staffRoute(['call_centre'], {
    method: 'put',
    path: '/staff/orders/{id}/lines',
    tags: ['shop'],
    summary: 'Call centre: replace the lines of an order until the cut-off',
    request: { params: IdParam, ...jsonBody(z.object({ lines: z.array(OrderLineInput).min(1).max(100) })) },
    responses: { 200: jsonResponse(OrderViewSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    return c.json(
      await changeOrder(
        deps.db,
        c.req.valid('param').id,
        c.req.valid('json').lines,
        staffActor(staff),
        deps.clock.now(),
      ),
      200,
    );
  },
);

shopApi.openapi(
  staffRoute(['call_centre'], {
    method: 'post',
    path: '/staff/orders/{id}/cancel',
    tags: ['shop'],
    summary: 'Call centre: cancel an order until the cut-off',
    request: { params: IdParam },
    responses: { 200: jsonResponse(OrderViewSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const o = await cancelOrder(deps.db, c.req.valid('param').id, staffActor(staff), deps.clock.now());
    publishShopEvent(deps, 'order.cancelled', o.hamletId, o.id);
    return c.json(o, 200);
  },
);

shopApi.openapi(
  staffRoute(['store_staff'], {
    method: 'get',
    path: '/staff/picking-list',
    tags: ['shop'],
    summary: "Store: the day's picking list per seller and hamlet (default: today in Tokyo)",
    request: { query: DateQuery },
    responses: { 200: jsonResponse(PickingListSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const date = c.req.valid('query').date ?? tokyoDate(deps.clock.now());
    return c.json(await buildPickingList(deps.db, date, staffScope(staff)), 200);
  },
);

shopApi.openapi(
  staffRoute(['store_staff'], {
    method: 'post',
    path: '/staff/lines/{id}/pick',
    tags: ['shop'],
    summary: 'Store: mark a line picked, reporting any missing quantity',
    request: { params: IdParam, ...jsonBody(PickLineInput) },
    responses: { 200: jsonResponse(Ok) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const at = await pickLine(
      deps.db,
      c.req.valid('param').id,
      c.req.valid('json'),
      staffActor(staff),
      deps.clock.now(),
      staffScope(staff),
    );
    publishShopEvent(deps, 'picking.changed', at.hamletId, at.orderId);
    return c.json({ ok: true }, 200);
  },
);

shopApi.openapi(
  staffRoute(['store_staff'], {
    method: 'post',
    path: '/staff/orders/{id}/pack',
    tags: ['shop'],
    summary: 'Store: mark a parcel packed (every line picked)',
    request: { params: IdParam },
    responses: { 200: jsonResponse(OrderViewSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const o = await packOrder(
      deps.db,
      c.req.valid('param').id,
      staffActor(staff),
      deps.clock.now(),
      staffScope(staff),
    );
    publishShopEvent(deps, 'picking.changed', o.hamletId, o.id);
    return c.json(o, 200);
  },
);

shopApi.openapi(
  staffRoute(['support_worker'], {
    method: 'get',
    path: '/staff/hall-parcels',
    tags: ['shop'],
    summary: 'Support worker: parcels for their hall on a day (default today)',
    request: { query: DateQuery },
    responses: { 200: jsonResponse(z.array(HallParcelSchema)) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const date = c.req.valid('query').date ?? tokyoDate(deps.clock.now());
    return c.json(await listHallParcels(deps.db, date, staffScope(staff)), 200);
  },
);

shopApi.openapi(
  staffRoute(['support_worker'], {
    method: 'post',
    path: '/staff/orders/{id}/handover',
    tags: ['shop'],
    summary: 'Support worker: record handing the parcel to the resident in person (or 不在)',
    request: { params: IdParam, ...jsonBody(HandoverInput) },
    responses: { 200: jsonResponse(OrderViewSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const o = await recordHandover(
      deps.db,
      c.req.valid('param').id,
      c.req.valid('json'),
      staffActor(staff),
      deps.clock.now(),
      staffScope(staff),
    );
    publishShopEvent(deps, 'handover.recorded', o.hamletId, o.id);
    return c.json(o, 200);
  },
);

shopApi.openapi(
  staffRoute(['store_staff', 'city_staff'], {
    method: 'get',
    path: '/staff/sales',
    tags: ['shop'],
    summary: 'Sales of delivered goods per seller for a Tokyo day (YYYY-MM-DD) or month (YYYY-MM)',
    request: {
      query: z.object({
        period: z.enum(['day', 'month']),
        key: z.union([TokyoDateSchema, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)]),
      }),
    },
    responses: { 200: jsonResponse(SalesReportSchema) },
  }),
  async (c) => {
    const { deps, staff } = c.var;
    const { period, key } = c.req.valid('query');
    const valid = period === 'day' ? isTokyoDate(key) : /^\d{4}-\d{2}$/.test(key);
    if (!valid) throw notFound('Period');
    return c.json(await salesReport(deps.db, period, key, staffScope(staff)), 200);
  },
);
