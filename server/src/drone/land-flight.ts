import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { droneFlights } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { setOrderStatus } from '../shop/set-order-status';
import { getDroneSettings } from './drone-settings';
import { activeParcels, recordFlightEvent } from './flight-rows';
import { loadFlight, requireFlightStatus } from './load-flight';
import { writeFlightRecord } from './write-flight-record';

/** Landed at the hall: the parcels are there (公民館に到着) and the outbound leg is logged. */
export async function landFlight(db: Db, flightId: number, actor: Actor, now: Date) {
  return await db.transaction(async (tx) => {
    const loaded = await loadFlight(tx, flightId);
    requireFlightStatus(loaded, ['launched'], '着陸の記録が');
    const { flight, hamlet, port } = loaded;
    await tx
      .update(droneFlights)
      .set({ status: 'landed', landedAt: now })
      .where(eq(droneFlights.id, flight.id))
      .run();
    const parcels = await activeParcels(tx, flight.id);
    for (const p of parcels) {
      await setOrderStatus(tx, p.orderId, 'at_hall', actor, now, {
        note: `ドローン便${flight.seq}が${hamlet.hallName}に着陸`,
      });
    }
    await writeFlightRecord(
      tx,
      loaded,
      await getDroneSettings(tx),
      {
        leg: 'outbound',
        takeoffPlace: port.name,
        takeoffAt: flight.launchedAt!,
        landingPlace: hamlet.hallName,
        landingAt: now,
      },
      now,
    );
    await recordFlightEvent(tx, flight.id, 'landed', actor, now);
    await recordAudit(tx, now, actor, 'drone.flight.landed', 'drone_flight', flight.id, {
      parcels: parcels.length,
    });
    return { id: flight.id, status: 'landed' as const, parcels: parcels.length };
  });
}
