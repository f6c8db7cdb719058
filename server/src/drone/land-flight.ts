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
export function landFlight(db: Db, flightId: number, actor: Actor, now: Date) {
  return db.transaction((tx) => {
    const loaded = loadFlight(tx, flightId);
    requireFlightStatus(loaded, ['launched'], '着陸の記録が');
    const { flight, hamlet, port } = loaded;
    tx.update(droneFlights)
      .set({ status: 'landed', landedAt: now })
      .where(eq(droneFlights.id, flight.id))
      .run();
    const parcels = activeParcels(tx, flight.id);
    for (const p of parcels) {
      setOrderStatus(tx, p.orderId, 'at_hall', actor, now, {
        note: `ドローン便${flight.seq}が${hamlet.hallName}に着陸`,
      });
    }
    writeFlightRecord(
      tx,
      loaded,
      getDroneSettings(tx),
      {
        leg: 'outbound',
        takeoffPlace: port.name,
        takeoffAt: flight.launchedAt!,
        landingPlace: hamlet.hallName,
        landingAt: now,
      },
      now,
    );
    recordFlightEvent(tx, flight.id, 'landed', actor, now);
    recordAudit(tx, now, actor, 'drone.flight.landed', 'drone_flight', flight.id, {
      parcels: parcels.length,
    });
    return { id: flight.id, status: 'landed' as const, parcels: parcels.length };
  });
}
