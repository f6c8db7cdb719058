import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  droneFlightParcels,
  droneFlights,
  dronePlanRuns,
  droneRoutes,
  droneRouteWaypoints,
  orderEvents,
  orderLines,
  products,
} from '../../../db/src/schema';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { runCutoffPlan } from './jobs';
import { addOrder, at, DAY, order, withRoutes } from './test-fixtures';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: at('10:00') });
  await withRoutes(ctx);
});
afterEach(() => ctx.close());

const flightOf = async (orderId: number) =>
  (
    await ctx.db
      .select({ flight: droneFlights })
      .from(droneFlightParcels)
      .innerJoin(droneFlights, eq(droneFlights.id, droneFlightParcels.flightId))
      .where(eq(droneFlightParcels.orderId, orderId))
      .get()
  )?.flight;

describe('cut-off planning job', () => {
  it('does nothing before the cut-off and plans at 11:00 Tokyo', async () => {
    const id = await addOrder(ctx, 1, 1200);
    ctx.clock.set(at('10:59'));
    expect(await runCutoffPlan(ctx.deps)).toEqual({ due: false });
    expect(await flightOf(id)).toBeUndefined();
    ctx.clock.set(at('11:00'));
    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ due: true, created: true, deliveryDate: DAY });
    expect(await flightOf(id)).toMatchObject({ status: 'planned', hamletId: 1 });
    expect(await order(ctx, id)).toMatchObject({
      status: 'received',
      deliveryMode: 'drone',
      deliveryModeReason: null,
    });
  });

  it('groups by hall and packs flights under the 5 kg payload', async () => {
    const a = await addOrder(ctx, 1, 3000);
    const b = await addOrder(ctx, 2, 2000);
    const c = await addOrder(ctx, 3, 2500);
    const d = await addOrder(ctx, 4, 1000); // another hamlet
    ctx.clock.set(at('11:00'));
    await runCutoffPlan(ctx.deps);
    expect((await flightOf(a))!.id).toBe((await flightOf(b))!.id); // 3.0 + 2.0 = 5.0 kg
    expect((await flightOf(c))!.id).not.toBe((await flightOf(a))!.id);
    expect((await flightOf(d))!.hamletId).toBe(2);
    for (const f of await ctx.db.select().from(droneFlights).all()) expect(f.loadG).toBeLessThanOrEqual(5000);
  });

  it('sends an order over 5 kg, to a hall without a route, or with goods that may not fly by car, with the reason', async () => {
    const heavy = await addOrder(ctx, 1, 5001);
    const noRoute = await addOrder(ctx, 4, 800);
    const route = (await ctx.db.select().from(droneRoutes).where(eq(droneRoutes.hamletId, 2)).get())!;
    await ctx.db.delete(droneRouteWaypoints).where(eq(droneRouteWaypoints.routeId, route.id)).run();
    await ctx.db.delete(droneRoutes).where(eq(droneRoutes.id, route.id)).run();
    const flower = await addOrder(ctx, 7, 900);
    const product = (await ctx.db.select().from(products).get())!;
    await ctx.db.update(products).set({ airEligible: false }).where(eq(products.id, product.id)).run();
    await ctx.db
      .insert(orderLines)
      .values({
        orderId: flower,
        productId: product.id,
        sellerId: product.sellerId,
        name: product.name,
        unitPriceYen: 100,
        taxRate: 8,
        qty: 1,
        weightG: 900,
      })
      .run();
    ctx.clock.set(at('11:00'));
    await runCutoffPlan(ctx.deps);
    expect(await order(ctx, heavy)).toMatchObject({
      deliveryMode: 'car',
      deliveryModeReason: '荷物が5kgを超えるため、車でお届けします',
    });
    expect((await order(ctx, noRoute)).deliveryModeReason).toBe(
      'この公民館へのドローンの航路がないため、車でお届けします',
    );
    expect((await order(ctx, flower)).deliveryModeReason).toBe(
      'ドローンで運べない品物のため、車でお届けします',
    );
    for (const id of [heavy, noRoute, flower]) expect(await flightOf(id)).toBeUndefined();
    const events = await ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, heavy)).all();
    expect(events.at(-1)).toMatchObject({
      actorType: 'system',
      note: '荷物が5kgを超えるため、車でお届けします',
    });
  });

  it('is idempotent: a second run, or the operator button, plans nothing twice', async () => {
    await addOrder(ctx, 1, 1000);
    await addOrder(ctx, 4, 1000);
    ctx.clock.set(at('11:00'));
    await runCutoffPlan(ctx.deps);
    const before = (await ctx.db.select().from(droneFlights).all()).length;
    ctx.clock.set(at('11:05'));
    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ due: true, created: false });
    const cookie = await ctx.login('drone');
    const res = await ctx.request(`/api/drone/days/${DAY}/plan`, { method: 'POST', headers: cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: false });
    expect(await ctx.db.select().from(droneFlights).all()).toHaveLength(before);
  });

  it('catches up after downtime: the first run after the cut-off plans the day', async () => {
    const id = await addOrder(ctx, 1, 1000);
    ctx.clock.set(at('13:40'));
    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ due: true, created: true });
    expect(await flightOf(id)).toBeDefined();
  });

  it('does not plan on a public holiday, nor once the flight window has closed', async () => {
    ctx.clock.set(new Date('2026-11-23T11:30:00+09:00'));
    expect(await runCutoffPlan(ctx.deps)).toEqual({ due: false });
    const cookie = await ctx.login('drone');
    const res = await ctx.request('/api/drone/days/2026-11-23/plan', { method: 'POST', headers: cookie });
    expect(res.status).toBe(422);
    ctx.clock.set(at('17:00'));
    expect(await runCutoffPlan(ctx.deps)).toEqual({ due: false });
  });

  it('lets only drone operators plan', async () => {
    const cookie = await ctx.login('store');
    const res = await ctx.request(`/api/drone/days/${DAY}/plan`, { method: 'POST', headers: cookie });
    expect(res.status).toBe(403);
    expect((await ctx.request(`/api/drone/days/${DAY}/plan`, { method: 'POST' })).status).toBe(401);
  });
});

describe("every order accepted for a day is on that day's plan", () => {
  const onPlan = async (id: number) =>
    (await flightOf(id)) !== undefined || (await order(ctx, id)).deliveryMode === 'car';
  const board = async (cookie: Record<string, string>) =>
    (await ctx.request(`/console/drone?date=${DAY}`, { headers: { ...cookie, accept: 'text/html' } })).text();

  it('does not offer planning before the cut-off, so an order placed at 10:46:55 is planned at 11:00', async () => {
    const early = await addOrder(ctx, 1, 1000);
    const cookie = await ctx.login('drone');
    ctx.clock.set(at('10:46'));
    const page = await board(cookie);
    expect(page).not.toContain('今すぐ計画する');
    expect(page).toContain('締め切り（11:00）の後に自動で計画します');
    const pressed = await ctx.request(`/console/drone/days/${DAY}/plan`, {
      method: 'POST',
      headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(pressed.status).toBe(303);
    // back to the board, with the refusal as its flash (a cookie, not the query string)
    expect(pressed.headers.get('location')).toBe(`/console/drone?date=${DAY}`);
    expect(decodeURIComponent(decodeURIComponent(pressed.headers.get('set-cookie')!))).toContain(
      '締め切り（11:00）の前は計画できません',
    );
    const api = await ctx.request(`/api/drone/days/${DAY}/plan`, { method: 'POST', headers: cookie });
    expect(api.status).toBe(422);
    expect(await ctx.db.select().from(dronePlanRuns).all()).toHaveLength(0);

    ctx.clock.set(new Date(`${DAY}T10:46:55+09:00`));
    const late = await addOrder(ctx, 2, 1200);
    ctx.clock.set(at('11:00'));
    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ due: true, created: true });
    expect(await onPlan(early)).toBe(true);
    expect(await onPlan(late)).toBe(true);
    expect((await order(ctx, late)).deliveryMode).not.toBeNull();
  });

  it('lists an order a day planned too early missed, and the next run puts it on a flight or the car', async () => {
    // a plan run made at 10:46 (as older versions allowed), with no flights yet
    await ctx.db
      .insert(dronePlanRuns)
      .values({
        deliveryDate: DAY,
        plannedAt: at('10:46'),
        actorType: 'system',
        flights: 0,
        byDrone: 0,
        byCar: 0,
      })
      .run();
    ctx.clock.set(new Date(`${DAY}T10:46:55+09:00`));
    const missed = await addOrder(ctx, 1, 1000);
    const cookie = await ctx.login('drone');
    ctx.clock.set(at('11:00'));
    expect(await board(cookie)).toContain(`配送計画に載っていない注文：#${missed}`);

    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ due: true, created: false, leftovers: [missed] });
    expect(await flightOf(missed)).toMatchObject({ status: 'planned', hamletId: 1 });
    expect(await order(ctx, missed)).toMatchObject({ deliveryMode: 'drone' });
    expect(await board(cookie)).not.toContain('配送計画に載っていない注文');
    expect(await runCutoffPlan(ctx.deps)).toMatchObject({ leftovers: [] });
  });
});
