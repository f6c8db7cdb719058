import { eq } from 'drizzle-orm';
import { droneFlights } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { publishLive } from '../live/publish';

/** After a launch or landing committed: tell the drone boards and the hamlet's hall page. */
export function publishFlightEvent(
  deps: Deps,
  flightId: number,
  type: 'flight.launched' | 'flight.landed',
): void {
  try {
    const f = deps.db.select().from(droneFlights).where(eq(droneFlights.id, flightId)).get();
    if (f)
      publishLive(deps, { topic: 'drone', type, hamletId: f.hamletId, data: { flightId, status: f.status } });
  } catch (err) {
    deps.logger.error({ err, flightId }, 'flight event not published');
  }
}
