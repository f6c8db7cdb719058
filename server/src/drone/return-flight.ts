import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { droneFlights } from '../../../db/src/schema';
import { recordAudit, type Actor } from '../lib/audit';
import { badRequest } from '../lib/errors';
import { getDroneSettings } from './drone-settings';
import { recordFlightEvent } from './flight-rows';
import { loadFlight, requireFlightStatus } from './load-flight';
import { writeFlightRecord } from './write-flight-record';

export const ReturnInput = z.object({
  /** When the drone left the hall; by default the return leg is assumed as long as the outbound one. */
  hallTakeoffAt: z.iso.datetime({ offset: true }).optional(),
  safetyNotes: z.string().max(500).optional(),
  defects: z.string().max(500).optional(),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

/** Back at the port: the return leg goes into the flight log. */
export async function returnFlight(db: Db, flightId: number, input: ReturnInput, actor: Actor, now: Date) {
  return await db.transaction(async (tx) => {
    const loaded = await loadFlight(tx, flightId);
    requireFlightStatus(loaded, ['landed'], '帰還の記録が');
    const { flight, hamlet, port } = loaded;
    const outboundMs = flight.landedAt!.getTime() - flight.launchedAt!.getTime();
    // A landing recorded late (a flight carried over from the day before) makes the outbound leg
    // look hours long; the assumed hall take-off then stays no earlier than the landing.
    const takeoffAt = input.hallTakeoffAt
      ? new Date(input.hallTakeoffAt)
      : new Date(Math.max(flight.landedAt!.getTime(), now.getTime() - outboundMs));
    if (takeoffAt < flight.landedAt! || takeoffAt > now) {
      throw badRequest('invalid_time', '公民館の離陸時刻は着陸から帰還までの間にしてください');
    }
    await tx
      .update(droneFlights)
      .set({ status: 'returned', returnedAt: now })
      .where(eq(droneFlights.id, flight.id))
      .run();
    await writeFlightRecord(
      tx,
      loaded,
      await getDroneSettings(tx),
      {
        leg: 'return',
        takeoffPlace: hamlet.hallName,
        takeoffAt,
        landingPlace: port.name,
        landingAt: now,
        safetyNotes: input.safetyNotes,
        defects: input.defects,
      },
      now,
    );
    await recordFlightEvent(tx, flight.id, 'returned', actor, now);
    await recordAudit(tx, now, actor, 'drone.flight.returned', 'drone_flight', flight.id);
    return { id: flight.id, status: 'returned' as const };
  });
}
