import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { droneFlights, dronePorts, drones, hamlets, type DroneFlightStatus } from '../../../db/src/schema';
import { conflict, notFound } from '../lib/errors';

const STATUS_JA: Record<DroneFlightStatus, string> = {
  planned: '予定',
  launched: '離陸済み',
  landed: '公民館に着陸',
  returned: '帰還',
  aborted: '中止',
  cancelled: '取り消し（車に変更）',
};
export const flightStatusJa = (s: DroneFlightStatus) => STATUS_JA[s];

/** A flight with what its log record and board row need; 404 when unknown. */
export async function loadFlight(tx: DbOrTx, flightId: number) {
  const row = await tx
    .select({ flight: droneFlights, drone: drones, hamlet: hamlets, port: dronePorts })
    .from(droneFlights)
    .innerJoin(drones, eq(drones.id, droneFlights.droneId))
    .innerJoin(hamlets, eq(hamlets.id, droneFlights.hamletId))
    .innerJoin(dronePorts, eq(dronePorts.id, drones.portId))
    .where(eq(droneFlights.id, flightId))
    .get();
  if (!row) throw notFound('Flight');
  return row;
}
export type LoadedFlight = Awaited<ReturnType<typeof loadFlight>>;

export function requireFlightStatus(
  loaded: LoadedFlight,
  allowed: readonly DroneFlightStatus[],
  action: string,
) {
  if (!allowed.includes(loaded.flight.status)) {
    throw conflict(
      'invalid_flight_transition',
      `便${loaded.flight.seq}は「${STATUS_JA[loaded.flight.status]}」のため、${action}できません`,
    );
  }
}
