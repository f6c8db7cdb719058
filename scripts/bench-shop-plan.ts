/**
 * Planning part of `npm run bench:shop`: the cut-off plan for 2,000 orders over 50 halls (goal ≤ 2 s).
 * `scripts/bench-shop.ts` imports `benchShopPlan`; run alone with `npx tsx scripts/bench-shop-plan.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDb } from '../db/src';
import { seedDemo } from '../server/src/demo/seed-demo';
import { hamlets, households, orders } from '../db/src/schema';
import { planDeliveries } from '../server/src/drone/plan/plan-deliveries';
import { planDeliveryDay } from '../server/src/drone/plan-delivery-day';
import { seedDroneRoutes } from '../server/src/drone/seed-drone-routes';
import { systemActor } from '../server/src/lib/audit';
import { createRng } from '../server/src/lib/random';
import { startPicking } from '../server/src/shop/start-picking';
import type { PlanDrone, PlanParcel, PlanSite } from '../server/src/drone/plan/types';

export interface ShopPlanBenchOptions {
  orders?: number;
  halls?: number;
  drones?: number;
  runs?: number;
  seed?: number;
}

export interface ShopPlanBenchResult {
  orders: number;
  halls: number;
  drones: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  flights: number;
  byCar: number;
  goalMs: number;
}

export function benchShopPlan(options: ShopPlanBenchOptions = {}): ShopPlanBenchResult {
  const { orders = 2000, halls = 50, drones: droneCount = 2, runs = 20, seed = 20200805 } = options;
  // Fixed seed so every run plans the same day.
  const rand = createRng(seed);
  // Routes 2–11 km (domain: 6.6, 8.4, 10.3 km); a few halls without a route.
  const sites: PlanSite[] = Array.from({ length: halls }, (_, i) => ({
    id: i + 1,
    routeLengthM: i % 17 === 16 ? null : Math.round(2000 + rand() * 9000),
  }));
  const parcels: PlanParcel[] = Array.from({ length: orders }, (_, i) => ({
    id: i + 1,
    siteId: 1 + Math.floor(rand() * halls),
    // mostly light baskets, some over 5 kg (rice, drinks)
    weightG: Math.round(200 + rand() ** 2 * 6500),
    airEligible: rand() > 0.02,
  }));
  const drones: PlanDrone[] = Array.from({ length: droneCount }, (_, i) => ({
    id: i + 1,
    payloadG: 5000,
    cruiseSpeedMps: 12,
    turnaroundMin: 20,
    enduranceMin: 20,
  }));
  const settings = { windowStartSec: 13 * 3600, windowEndSec: 17 * 3600, dwellSec: 300 };

  const times: number[] = [];
  let last = planDeliveries(parcels, sites, drones, settings);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = planDeliveries(parcels, sites, drones, settings);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    orders,
    halls,
    drones: droneCount,
    runs,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: times[times.length - 1]!,
    flights: last.flights.length,
    byCar: last.car.length,
    goalMs: 2000,
  };
}

export function printShopPlanBench(r: ShopPlanBenchResult): void {
  console.log(
    `cut-off plan (pure) ${r.orders} orders / ${r.halls} halls / ${r.drones} drones, ${r.runs} runs: ` +
      `median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms ` +
      `(goal ≤ ${r.goalMs} ms) → ${r.flights} flights, ${r.byCar} parcels by car`,
  );
}

export interface CutoffJobBenchResult {
  orders: number;
  halls: number;
  runs: number;
  medianMs: number;
  maxMs: number;
  /** The shop's start-picking job at the same cut-off (2,000 orders → 準備中), median. */
  startPickingMedianMs: number;
  flights: number;
  byCar: number;
  goalMs: number;
}

/**
 * The whole cut-off job against SQLite: read the day's orders, plan, write flights and parcels,
 * set every order's delivery mode through the shop's status function (event + audit rows each).
 * Each run uses a fresh in-memory database. At 11:00 the shop's start-picking job first moves the
 * day's orders to 準備中 (timed separately), then `planDeliveryDay` (the drone.cutoff-plan job) is
 * timed as the job figure.
 */
export async function benchCutoffJob(
  options: { orders?: number; halls?: number; runs?: number; seed?: number } = {},
) {
  const { orders: orderCount = 2000, halls = 50, runs = 5, seed = 20200805 } = options;
  const now = new Date('2026-11-24T02:00:00Z'); // Tue 11:00 Tokyo
  const date = '2026-11-24';
  const times: number[] = [];
  const picking: number[] = [];
  let last = { flights: 0, byCar: 0 };
  for (let r = 0; r < runs; r++) {
    // Fixed seed so every run plans the same day.
    const rand = createRng(seed);
    const { db, sqlite } = openDb(':memory:');
    await seedDemo(db, now);
    const base = await db.select().from(hamlets).all();
    for (let i = base.length; i < halls; i++) {
      const b = base[i % base.length]!;
      const dLat = (rand() - 0.5) * 0.06;
      const dLon = (rand() - 0.5) * 0.06;
      await db
        .insert(hamlets)
        .values({
          ...b,
          id: undefined,
          name: `${b.name}${i}`,
          lat: b.lat + dLat,
          lon: b.lon + dLon,
          hallLat: b.hallLat + dLat,
          hallLon: b.hallLon + dLon,
        })
        .run();
    }
    await seedDroneRoutes(db, now);
    const hallIds = (await db.select({ id: hamlets.id }).from(hamlets).all()).map((h) => h.id);
    const homes: number[] = [];
    for (const [i, hamletId] of hallIds.entries())
      homes.push(
        (
          await db
            .insert(households)
            .values({
              hamletId,
              name: `ベンチ${i}`,
              address: '-',
              lat: 0,
              lon: 0,
              cableCustomerNo: `BENCH-${i}`,
              createdAt: now,
            })
            .returning({ id: households.id })
            .get()
        ).id,
      );
    await db.transaction(async (tx) => {
      for (let i = 0; i < orderCount; i++) {
        const h = Math.floor(rand() * hallIds.length);
        await tx
          .insert(orders)
          .values({
            householdId: homes[h]!,
            hamletId: hallIds[h]!,
            channel: 'tv',
            idempotencyKey: `bench-${i}`,
            status: 'received',
            deliveryDate: date,
            totalYen: 1000,
            weightG: Math.round(200 + rand() ** 2 * 6500),
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
    });
    const p0 = performance.now();
    const moved = (await startPicking(db, now)).orderIds.length;
    picking.push(performance.now() - p0);
    if (moved !== orderCount) throw new Error(`start-picking moved ${moved} of ${orderCount} orders`);
    const t0 = performance.now();
    last = await planDeliveryDay(db, date, systemActor, now);
    times.push(performance.now() - t0);
    sqlite.close();
  }
  times.sort((a, b) => a - b);
  picking.sort((a, b) => a - b);
  return {
    orders: orderCount,
    halls,
    runs,
    medianMs: times[Math.floor(times.length / 2)]!,
    maxMs: times[times.length - 1]!,
    startPickingMedianMs: picking[Math.floor(picking.length / 2)]!,
    flights: last.flights,
    byCar: last.byCar,
    goalMs: 2000,
  } satisfies CutoffJobBenchResult;
}

export function printCutoffJobBench(r: CutoffJobBenchResult): void {
  console.log(
    `cut-off job (SQLite, writes included) ${r.orders} orders / ${r.halls} halls, ${r.runs} runs: ` +
      `median ${r.medianMs.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms (goal ≤ ${r.goalMs} ms) → ` +
      `${r.flights} flights, ${r.byCar} by car; start-picking before it: median ${r.startPickingMedianMs.toFixed(0)} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printShopPlanBench(benchShopPlan());
  // Ten drones shows the scheduler with a fleet that can fly most of the day's parcels.
  printShopPlanBench(benchShopPlan({ drones: 10 }));
  printCutoffJobBench(await benchCutoffJob());
}
