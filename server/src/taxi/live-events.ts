import { eq } from 'drizzle-orm';
import { households, taxiBookings } from '../../../db/src/schema';
import type { Deps } from '../deps';
import { publishLive } from '../live/publish';
import type { RideEvent } from './record-ride-event';

const TYPE: Record<RideEvent, string> = {
  pickup: 'ride.picked_up',
  dropoff: 'ride.dropped_off',
  no_show: 'ride.no_show',
};

/** After a ride event committed: tell the taxi boards (city, call centre, the vehicle's driver). */
export async function publishRideEvent(
  deps: Deps,
  bookingId: number,
  event: RideEvent | 'undo',
): Promise<void> {
  try {
    const row = await deps.db
      .select({
        vehicleId: taxiBookings.vehicleId,
        status: taxiBookings.status,
        hamletId: households.hamletId,
      })
      .from(taxiBookings)
      .innerJoin(households, eq(households.id, taxiBookings.householdId))
      .where(eq(taxiBookings.id, bookingId))
      .get();
    if (!row) return;
    publishLive(deps, {
      topic: 'taxi',
      type: event === 'undo' ? 'ride.undone' : TYPE[event],
      hamletId: row.hamletId,
      vehicleId: row.vehicleId,
      data: { bookingId, status: row.status },
    });
  } catch (err) {
    deps.logger.error({ err, bookingId }, 'ride event not published');
  }
}
