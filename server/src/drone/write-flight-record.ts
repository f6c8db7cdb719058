import { eq, sum } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { droneFlightRecords, dronePilots, staffUsers } from '../../../db/src/schema';
import { buildFlightRecord } from './log/build-flight-record';
import type { DroneSettings } from './drone-settings';
import type { LoadedFlight } from './load-flight';

export interface LegInput {
  leg: 'outbound' | 'return';
  takeoffPlace: string;
  takeoffAt: Date;
  landingPlace: string;
  landingAt: Date;
  safetyNotes?: string;
  defects?: string;
}

/** Writes one 飛行記録 row; the airframe's total is the sum of its earlier legs plus this one. */
export async function writeFlightRecord(
  tx: DbOrTx,
  loaded: LoadedFlight,
  settings: DroneSettings,
  input: LegInput,
  now: Date,
): Promise<void> {
  const { flight, drone, hamlet, port } = loaded;
  const pilotId = flight.pilotStaffId!;
  const pilot = (await tx
    .select({ name: staffUsers.name, licenceNo: dronePilots.licenceNo })
    .from(staffUsers)
    .leftJoin(dronePilots, eq(dronePilots.staffId, staffUsers.id))
    .where(eq(staffUsers.id, pilotId))
    .get())!;
  const previous = await tx
    .select({ total: sum(droneFlightRecords.flightSec) })
    .from(droneFlightRecords)
    .where(eq(droneFlightRecords.droneId, drone.id))
    .get();
  const record = buildFlightRecord({
    registrationMark: drone.registrationMark,
    airframeModel: drone.model,
    pilotName: pilot.name,
    pilotLicenceNo: pilot.licenceNo ?? '',
    purpose: settings.purpose,
    route: `${port.name} ⇄ ${hamlet.hallName}（便${flight.seq}）`,
    flightMethod: settings.flightMethod,
    takeoffPlace: input.takeoffPlace,
    takeoffAt: input.takeoffAt,
    landingPlace: input.landingPlace,
    landingAt: input.landingAt,
    safetyNotes: input.safetyNotes ?? 'なし',
    defects: input.defects ?? 'なし',
    previousTotalSec: Number(previous?.total ?? 0),
  });
  await tx
    .insert(droneFlightRecords)
    .values({ ...record, droneId: drone.id, flightId: flight.id, leg: input.leg, createdAt: now })
    .run();
}
