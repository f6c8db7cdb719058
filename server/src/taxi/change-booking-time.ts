import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/src';
import { taxiBookings } from '../../../db/src/schema';
import type { Actor } from '../lib/audit';
import { notFound } from '../lib/errors';
import { bookTaxi, BookTaxiInput, type BookTaxiAnswer } from './book-taxi';

/**
 * A caller asks for another time for the same ride: the same riders and places are booked at
 * `time`, and the old booking is cancelled only if the new one is accepted (bookTaxi's `replaces`).
 * `householdId` is the household on the phone; another household's booking is not found.
 */
export async function changeBookingTime(
  db: Db,
  bookingId: number,
  householdId: number,
  time: string,
  ctx: { actor: Actor; staffId: number },
  now: Date,
): Promise<BookTaxiAnswer> {
  const old = await db.select().from(taxiBookings).where(eq(taxiBookings.id, bookingId)).get();
  if (!old || old.householdId !== householdId) throw notFound('Booking');
  const endpoint = (placeId: number | null) =>
    placeId === null ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId } as const);
  const input = BookTaxiInput.parse({
    idempotencyKey: `change-${old.id}-${time}-${now.getTime()}`,
    riderIds: old.riderIds,
    companions: old.passengers - old.riderIds.length,
    from: endpoint(old.pickupPlaceId),
    to: endpoint(old.dropoffPlaceId),
    timeKind: old.timeKind,
    time,
    returnOf: old.returnOfId ?? undefined,
  });
  return await bookTaxi(
    db,
    input,
    { householdId, channel: 'call_centre', actor: ctx.actor, staffId: ctx.staffId, replaces: old },
    now,
  );
}
