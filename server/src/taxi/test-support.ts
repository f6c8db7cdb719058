import { eq } from 'drizzle-orm';
import { driverVehicles, places, residents as residentsTable, staffUsers } from '../../../db/src/schema';
import type { TestContext } from '../../../test/helpers/context';
import type { BookTaxiAnswer } from './book-taxi';
import type { BookingView } from './booking-view';

/** Shared by the taxi API tests: a Tuesday, 09:30 in Tokyo (00:30 UTC). */
export const TUESDAY_0930 = '2026-11-24T00:30:00Z';

let keys = 0;
export const newKey = () => `test-key-${++keys}-${Math.random().toString(36).slice(2, 8)}`;

export async function placeId(ctx: TestContext, name: string): Promise<number> {
  const p = await ctx.db.select().from(places).where(eq(places.name, name)).get();
  if (!p) throw new Error(`no place ${name}`);
  return p.id;
}

export interface BookBody {
  idempotencyKey?: string;
  riderIds: number[];
  companions?: number;
  from?: { kind: 'home' } | { kind: 'place'; placeId: number };
  to?: { kind: 'home' } | { kind: 'place'; placeId: number };
  timeKind?: 'arrive_by' | 'leave_after';
  time: string;
  returnOf?: number;
  date?: string;
}

/** POST /api/taxi/bookings as box `box`; defaults: from home to 長谷診療所, arrive by. */
export async function bookOnTv(ctx: TestContext, box: number, body: BookBody) {
  const res = await ctx.json(
    'POST',
    '/api/taxi/bookings',
    {
      idempotencyKey: newKey(),
      from: { kind: 'home' },
      to: { kind: 'place', placeId: await placeId(ctx, '長谷診療所') },
      timeKind: 'arrive_by',
      ...body,
    },
    ctx.device(box),
  );
  return { res, body: (await res.json()) as BookTaxiAnswer & { error?: { code: string; message: string } } };
}

export async function accepted(ctx: TestContext, box: number, body: BookBody): Promise<BookingView> {
  const r = await bookOnTv(ctx, box, body);
  if (r.res.status !== 200 || r.body.status !== 'accepted') {
    throw new Error(`booking refused: ${r.res.status} ${JSON.stringify(r.body)}`);
  }
  return r.body.booking!;
}

/** Login of the demo driver who drives `vehicleName`'s vehicle id. */
export async function loginDriverOf(ctx: TestContext, vehicleId: number) {
  const row = await ctx.db
    .select({ loginId: staffUsers.loginId })
    .from(driverVehicles)
    .innerJoin(staffUsers, eq(staffUsers.id, driverVehicles.staffId))
    .where(eq(driverVehicles.vehicleId, vehicleId))
    .get();
  if (!row) throw new Error(`no driver for vehicle ${vehicleId}`);
  return ctx.login(row.loginId);
}

export async function residentsOf(ctx: TestContext, householdId: number): Promise<number[]> {
  return (
    await ctx.db
      .select({ id: residentsTable.id })
      .from(residentsTable)
      .where(eq(residentsTable.householdId, householdId))
      .orderBy(residentsTable.id)
      .all()
  ).map((r) => r.id);
}
