import { eq } from 'drizzle-orm';
import { droneFlights } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { publishLive } from '../live/publish';

export type FlightEventType =
  | 'flight.launched'
  | 'flight.landed'
  | 'flight.returned'
  | 'flight.aborted'
  /** Grounded by a weather check before launch: its parcels go by car. */
  | 'flight.cancelled';

/** After a flight's step committed: tell the drone boards and the hamlet's hall page. */
export async function publishFlightEvent(deps: Deps, flightId: number, type: FlightEventType): Promise<void> {
  try {
    const f = await deps.db.select().from(droneFlights).where(eq(droneFlights.id, flightId)).get();
    if (f)
      publishLive(deps, { topic: 'drone', type, hamletId: f.hamletId, data: { flightId, status: f.status } });
  } catch (err) {
    deps.logger.error({ err, flightId }, 'flight event not published');
  }
}

/**
 * After a weather check committed. A check for every site has no hamlet, so only unlimited scopes
 * (the drone base, the city) hear it; the hall pages learn of it through the flights it changed.
 */
export function publishWeatherDecision(deps: Deps, hamletId: number | null, mode: 'drone' | 'car'): void {
  publishLive(deps, { topic: 'drone', type: 'weather.decided', hamletId, data: { mode } });
}

/** After a hall's car parcels left the port or reached the hall (the hall page shows them). */
export function publishCarEvent(deps: Deps, hamletId: number, step: 'dispatch' | 'arrive'): void {
  publishLive(deps, {
    topic: 'drone',
    type: `car.${step === 'dispatch' ? 'dispatched' : 'arrived'}`,
    hamletId,
  });
}
