import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '..';
import * as s from '../schema';

/** Demo drivers and the vehicle each drives: driver → ぐるっと1号, driver-2 → 2号, driver-3 → 3号. */
export const DEMO_DRIVER_VEHICLES = [
  ['driver', 0],
  ['driver-2', 1],
  ['driver-3', 2],
] as const;

/** Favourite destinations by place name, for the first residents (the TV lists them first). */
const FAVOURITES: Record<number, string[]> = {
  0: ['長谷診療所', '高遠食彩館（スーパー）'],
  1: ['高遠内科クリニック', '伊那市役所'],
  2: ['長谷診療所', 'はせ薬局'],
};

/** Taxi demo data: driver ↔ vehicle and a few residents' favourite places. No bookings. */
export async function seedTaxi(db: Db, now: Date): Promise<void> {
  const vs = await db.select().from(s.vehicles).orderBy(asc(s.vehicles.id)).all();
  const drivers = await db
    .select()
    .from(s.staffUsers)
    .where(
      inArray(
        s.staffUsers.loginId,
        DEMO_DRIVER_VEHICLES.map(([login]) => login),
      ),
    )
    .all();
  for (const [login, k] of DEMO_DRIVER_VEHICLES) {
    const d = drivers.find((x) => x.loginId === login);
    const v = vs[k];
    if (d && v)
      await db.insert(s.driverVehicles).values({ staffId: d.id, vehicleId: v.id, updatedAt: now }).run();
  }
  const residents = await db.select().from(s.residents).orderBy(asc(s.residents.id)).limit(3).all();
  for (const [i, r] of residents.entries()) {
    for (const [sort, name] of (FAVOURITES[i] ?? []).entries()) {
      const p = await db.select().from(s.places).where(eq(s.places.name, name)).get();
      if (p) await db.insert(s.taxiFavourites).values({ residentId: r.id, placeId: p.id, sort }).run();
    }
  }
}
