/** Shared set-up of the drone API tests: demo routes, orders as the shop would leave them. */
import { eq } from 'drizzle-orm';
import { households, orders } from '../../../db/src/schema';
import { systemActor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import type { Db } from '../../../db/src';
import type { Clock } from '../lib/clock';

/** A test context or a test server: both carry the database and the clock. */
type Fixture = { db: Db; clock: Clock };
import { seedDroneRoutes } from './seed-drone-routes';

/** Tue 2026-11-24, a delivery day; times below are Tokyo wall-clock. */
export const DAY = '2026-11-24';
export const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+09:00`);

export async function withRoutes(ctx: Fixture) {
  await seedDroneRoutes(ctx.db, ctx.clock.now());
}

let key = 0;
/** An order of a household for the day, as placed on the TV (status received). */
export async function addOrder(
  ctx: Fixture,
  householdId: number,
  weightG: number,
  deliveryDate = DAY,
): Promise<number> {
  const hh = (await ctx.db.select().from(households).where(eq(households.id, householdId)).get())!;
  const now = ctx.clock.now();
  return (
    await ctx.db
      .insert(orders)
      .values({
        householdId,
        hamletId: hh.hamletId,
        channel: 'tv',
        idempotencyKey: `drone-test-${++key}`,
        status: 'received',
        deliveryDate,
        totalYen: 1000,
        weightG,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: orders.id })
      .get()
  ).id;
}

/** What the store's packing does to an order: 準備中 and packed. */
export async function pack(ctx: Fixture, ...orderIds: number[]) {
  for (const id of orderIds) {
    await setOrderStatus(ctx.db, id, 'preparing', systemActor, ctx.clock.now());
    await ctx.db.update(orders).set({ packedAt: ctx.clock.now() }).where(eq(orders.id, id)).run();
  }
}

export const order = async (ctx: Fixture, id: number) =>
  (await ctx.db.select().from(orders).where(eq(orders.id, id)).get())!;

export const calm = {
  groundWindTakeoffMps: 2,
  groundWindLandingMps: 1.5,
  bands: [
    { fromM: 0, toM: 50, windMps: 2.5 },
    { fromM: 50, toM: 150, windMps: 3.8 },
  ],
  rain: false,
};

export const allOk = {
  airframe: 'ok',
  propellers: 'ok',
  frame: 'ok',
  comms: 'ok',
  propulsion: 'ok',
  power: 'ok',
  autopilot: 'ok',
  controller: 'ok',
  battery: 'ok',
} as const;
